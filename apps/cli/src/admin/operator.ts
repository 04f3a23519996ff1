import { cliEnv } from "@port443/config/cli";
import type { PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import type { Command } from "commander";
import { UsageError } from "../scan/targets";

export interface Operator {
  prisma: PrismaClient;
  queues: Queues;
}

/**
 * Runs an admin command with the database and queues of DATABASE_URL and REDIS_URL, closing them
 * afterwards (or the process would not exit). Service and usage errors exit 2 with their message.
 * The clients are loaded here, not imported at the top: they take most of a second to load, which
 * every other command (a deploy gate's `check` above all) would pay for nothing.
 */
export async function asOperator(
  command: Command,
  work: (operator: Operator) => Promise<void>,
): Promise<void> {
  const [{ createPrismaClient }, { createQueues, createRedisConnection }, { ServiceError }] =
    await Promise.all([import("@port443/db"), import("@port443/jobs"), import("@port443/services")]);
  const env = cliEnv();
  const prisma = createPrismaClient(env.DATABASE_URL, { poolSize: 2 });
  const connection = createRedisConnection(env.REDIS_URL, "producer");
  const queues = createQueues({ connection });
  try {
    await work({ prisma, queues });
  } catch (error) {
    if (error instanceof ServiceError || error instanceof UsageError)
      command.error(`error: ${error.message}`, { exitCode: 2 });
    throw error;
  } finally {
    await queues.close();
    await connection.quit().catch(() => connection.disconnect());
    await prisma.$disconnect();
  }
}
