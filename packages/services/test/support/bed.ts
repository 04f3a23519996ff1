import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import type { Redis } from "ioredis";
import { ensureTeam, type ServiceContext, type TeamQuotas } from "../../src";

/** What a services test works on: a database of its own, queues under a prefix of their own. */
export interface ServicesBed {
  prisma: PrismaClient;
  queues: Queues;
  /** A new team's context acting as `role`, with the bed's quotas. */
  context(slug: string, role: ServiceContext["role"]): Promise<ServiceContext>;
  close(): Promise<void>;
}

export async function openServicesBed(label: string, quotas: TeamQuotas): Promise<ServicesBed> {
  const db: TestDatabase = await createTestDatabase(label.replaceAll("-", "_"));
  const prisma = createPrismaClient(db.url);
  const connection: Redis = createRedisConnection(testRedisUrl(), "worker");
  const queues = createQueues({ connection, prefix: uniquePrefix(label) });
  return {
    prisma,
    queues,
    async context(slug, role) {
      const team = await ensureTeam({ prisma }, { slug, create: true });
      return { prisma, queues, teamId: team.id, role, quotas };
    },
    async close() {
      await queues.close();
      await connection.quit();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
