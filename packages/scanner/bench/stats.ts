export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `work` from `concurrency` loops until `durationMs` passes; returns completions per second. */
export async function throughput(
  concurrency: number,
  durationMs: number,
  work: (index: number) => Promise<unknown>,
) {
  const until = Date.now() + durationMs;
  let done = 0;
  let failed = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        try {
          await work(next++);
          done++;
        } catch {
          failed++;
        }
      }
    }),
  );
  return { perSecond: done / ((Date.now() - started) / 1000), done, failed };
}
