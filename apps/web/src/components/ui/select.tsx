import { type SelectHTMLAttributes, useId } from "react";

const selectClass =
  "rounded-md border border-slate-300 bg-white text-sm text-slate-900 shadow-sm focus:border-brand-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * A native select in the app's look (shadcn's NativeSelect): the platform's own picker is the
 * most accessible one on phones and screen readers, and it posts with plain forms. `label` is
 * shown above it, or only to assistive tech with `hideLabel`.
 */
export function Select({
  label,
  hideLabel = false,
  id,
  className = "",
  compact = false,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; hideLabel?: boolean; compact?: boolean }) {
  const generated = useId();
  const selectId = id ?? generated;
  const select = (
    <select
      id={selectId}
      className={`${selectClass} ${compact ? "px-2 py-1" : "px-3 py-2"} ${className}`}
      {...props}
    />
  );
  if (hideLabel)
    return (
      <>
        <label htmlFor={selectId} className="sr-only">
          {label}
        </label>
        {select}
      </>
    );
  return (
    <div className="space-y-1">
      <label htmlFor={selectId} className="block text-sm font-medium">
        {label}
      </label>
      {select}
    </div>
  );
}
