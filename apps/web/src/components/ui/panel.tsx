import type { ReactNode } from "react";

/**
 * A titled card (shadcn's Card): a region named by its heading, so assistive tech can list and
 * jump to it.
 */
export function Panel({
  id,
  title,
  className = "",
  children,
}: {
  /** The heading's id, which names the region. */
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <h2 id={id} className="mb-3 text-lg font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}
