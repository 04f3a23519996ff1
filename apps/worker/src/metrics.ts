import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "port443_worker_" });
  return {
    registry,
    jobsCompleted: new Counter({
      name: "port443_jobs_total",
      help: "Jobs finished by this process, by job name and outcome",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "port443_job_duration_seconds",
      help: "Time spent processing a job",
      labelNames: ["job"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
