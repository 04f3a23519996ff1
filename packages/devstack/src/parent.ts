/**
 * Stops this process as SIGTERM would when it is orphaned: the process that started it (npm, the
 * bootstrap) died without passing a signal on, and nobody is left to stop us.
 */
export function watchParent(intervalMs = 1_000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, "SIGTERM");
  }, intervalMs);
  timer.unref();
}
