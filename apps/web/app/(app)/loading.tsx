/** Shown while a dashboard page loads on the server. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-full max-w-xl rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-40 w-full rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
