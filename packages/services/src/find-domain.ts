import type { Prisma } from "@port443/db";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";

type Client = Pick<ServiceContext["prisma"], "domain"> | Prisma.TransactionClient;

/** The team's domain, or "not found" – also for another team's domain, which must not be told apart. */
export async function findTeamDomain(client: Client, teamId: string, domainId: string) {
  const domain = await client.domain.findFirst({ where: { id: domainId, teamId } });
  if (!domain) throw new ServiceError("not_found", "no such domain", "domainId");
  return domain;
}
