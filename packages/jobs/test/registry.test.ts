import { describe, expect, it } from "vitest";
import { jobs, queueNames } from "../src/registry";

describe("job registry", () => {
  it.each(Object.entries(jobs))("%s names a known queue and bounds its retries and retention", (_, job) => {
    expect(Object.keys(queueNames)).toContain(job.queue);
    expect(job.options.attempts).toBeGreaterThanOrEqual(1);
    expect(job.options.backoff).toBeDefined();
    expect(job.options.removeOnComplete).toMatchObject({ age: expect.any(Number) });
    expect(job.options.removeOnFail).toMatchObject({ age: expect.any(Number) });
  });
});
