import type { PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "port443_worker_" });
  const registers = [registry];
  return {
    registry,
    jobsCompleted: new Counter({
      name: "port443_jobs_total",
      help: "Jobs finished by this process, by job name and outcome",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "port443_job_duration_seconds",
      help: "Time spent processing a job",
      labelNames: ["job"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    scans: new Counter({
      name: "port443_scans_total",
      help: "Scans by outcome (success, error, retry)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    scanDeferrals: new Counter({
      name: "port443_scan_deferrals_total",
      help: "Scans put back for later because their address had no free lease",
      registers,
    }),
    scanDuration: new Histogram({
      name: "port443_scan_duration_seconds",
      help: "Duration of one domain scan",
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
      registers,
    }),
    watchProbes: new Counter({
      name: "port443_watch_probes_total",
      help: "Watch probes by outcome (baseline, unchanged, changed, due, deferred)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    notifications: new Counter({
      name: "port443_notifications_total",
      help: "Notification delivery attempts by channel and outcome (sent, retry, failed)",
      labelNames: ["channel", "outcome"] as const,
      registers,
    }),
    /** Queue depths and outbox/alert states are read when Prometheus scrapes, not tracked. */
    observe({ queues, prisma }: { queues: Queues; prisma: PrismaClient }) {
      new Gauge({
        name: "port443_queue_jobs",
        help: "Jobs per queue and state",
        labelNames: ["queue", "state"] as const,
        registers,
        async collect() {
          for (const queue of [
            queues.system,
            queues.schedule,
            queues.scans,
            queues.watches,
            queues.notifications,
          ]) {
            // Scans carry a priority, so they wait in "prioritized", not "waiting".
            const counts = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
            for (const [state, count] of Object.entries(counts))
              this.set({ queue: queue.name, state }, count);
          }
        },
      });
      new Gauge({
        name: "port443_alerts",
        help: "Alerts by state",
        labelNames: ["state"] as const,
        registers,
        async collect() {
          this.reset();
          for (const row of await prisma.alert.groupBy({ by: ["state"], _count: true }))
            this.set({ state: row.state }, row._count);
        },
      });
      new Gauge({
        name: "port443_notification_deliveries",
        help: "Outbox rows (emails and webhooks) by delivery state",
        labelNames: ["state"] as const,
        registers,
        async collect() {
          this.reset();
          for (const row of await prisma.notification.groupBy({ by: ["state"], _count: true }))
            this.set({ state: row.state }, row._count);
        },
      });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
