import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export interface ClientOptions {
  /** Connections this process may hold. */
  poolSize?: number;
}

/** A Prisma client on node-postgres: no query engine binary, one pool per client. */
export function createPrismaClient(url: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
