import type { PrismaClient } from "@port443/db";
import type { Handler } from "@port443/jobs";

export interface Heartbeat {
  source: "startup" | "schedule";
  enqueuedAt: string;
  databaseTime: string;
}

/** Proves the path Redis → worker → PostgreSQL works; the last beat is shown on /health. */
export const heartbeat =
  (prisma: PrismaClient, onBeat: (beat: Heartbeat) => void): Handler<"system.heartbeat"> =>
  async (payload, job) => {
    const [row] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    const beat: Heartbeat = {
      source: payload.source,
      enqueuedAt: new Date(job.timestamp).toISOString(),
      databaseTime: row!.now.toISOString(),
    };
    onBeat(beat);
    return beat;
  };
