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
  /**
   * The deployment's limits per team, which the dashboard and the API always pass; absent for
   * operators (the admin CLI), whom no quota limits.
   */
  quotas?: TeamQuotas;
}

/** An operator (admin CLI) acting outside any team. */
export interface OperatorContext {
  prisma: PrismaClient;
}
