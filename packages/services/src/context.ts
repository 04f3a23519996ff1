import type { PrismaClient, Role } from "@port443/db";
import type { Queues } from "@port443/jobs";
import type { TeamQuotas } from "./team-quotas";

/** Who is acting, for which team, with which clients. Every service is scoped to `teamId`. */
export interface ServiceContext {
  prisma: PrismaClient;
  queues: Queues;
  teamId: string;
  role: Role;
  /** The person acting, when there is one (the dashboard); API keys and operators have none. */
  userId?: string;
  /** The API key acting (the REST API); the audit log names it as it is called now. */
  apiKey?: { id: string; name: string };
  /**
   * The client's address as the dashboard or the API resolved it (PORT443_TRUSTED_PROXIES), kept
   * with each change in the audit log. Without `userId` or `apiKey` the actor is an operator.
   */
  clientAddress?: string;
  /**
   * The deployment's limits per team, which the dashboard and the API always pass; absent for
   * operators (the admin CLI), whom no quota limits.
   */
  quotas?: TeamQuotas;
  /**
   * The queues' Redis connection, for what every process must hear at once: a revoked API key
   * (`revokeApiKey`). The dashboard passes it; without it a revocation reaches the API processes
   * when their key caches expire (seconds).
   */
  redis?: { publish(channel: string, message: string): Promise<unknown> };
}

/** An operator (admin CLI) acting outside any team. */
export interface OperatorContext {
  prisma: PrismaClient;
}
