import "server-only";
import { prisma, redis } from "./clients";

export type ServiceState = "up" | "down";

export interface Health {
  status: "ok" | "degraded";
  database: ServiceState;
  redis: ServiceState;
  checkedAt: string;
}

const TIMEOUT_MS = 2_000;

function probe(check: () => Promise<unknown>): Promise<ServiceState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
  });
  return Promise.race([check(), timeout])
    .then(
      (): ServiceState => "up",
      (): ServiceState => "down",
    )
    .finally(() => clearTimeout(timer));
}

export async function checkHealth(): Promise<Health> {
  const [database, cache] = await Promise.all([
    probe(() => prisma().$queryRaw`SELECT 1`),
    probe(() => redis().ping()),
  ]);
  return {
    status: database === "up" && cache === "up" ? "ok" : "degraded",
    database,
    redis: cache,
    checkedAt: new Date().toISOString(),
  };
}
