import type { ReactNode } from "react";

/**
 * What an empty list says: why it is empty and what to do next, with the action (a link or a
 * button) when the viewer may take it.
 */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  /** What fills the list, and how. */
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center text-sm dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children ? (
        <p className="mx-auto mt-1 max-w-xl text-slate-600 dark:text-slate-400">{children}</p>
      ) : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
