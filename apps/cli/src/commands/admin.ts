import { cliEnv } from "@port443/config/cli";
import { createPrismaClient } from "@port443/db";
import { createQueues, createRedisConnection } from "@port443/jobs";
import { addDomain, ensureTeam, ServiceError } from "@port443/services";
import type { Command } from "commander";
import { parseTarget, UsageError } from "../scan/targets";

interface AddDomainFlags {
  team: string;
  createTeam?: boolean;
  ownerEmail?: string;
}

/** Operator commands: they use DATABASE_URL and REDIS_URL directly (npm start's by default). */
export function registerAdmin(program: Command): void {
  const admin = program.command("admin").description("operator commands (talk to the database directly)");
  admin
    .command("add-domain")
    .description("monitor host[:port] for a team; the first scan starts within seconds")
    .argument("<targets...>", "host[:port] (port 443 by default)")
    .requiredOption("--team <slug>", "the team's slug")
    .option("--create-team", "create the team when it does not exist")
    .option(
      "--owner-email <email>",
      "make this person an owner of the team (alert emails go to owners and admins)",
    )
    .action(async (targets: string[], flags: AddDomainFlags, command: Command) => {
      const parsed = targets.map(parseTarget);
      const env = cliEnv();
      const prisma = createPrismaClient(env.DATABASE_URL, { poolSize: 2 });
      const connection = createRedisConnection(env.REDIS_URL, "producer");
      const queues = createQueues({ connection });
      try {
        const team = await ensureTeam(
          { prisma },
          { slug: flags.team, create: flags.createTeam, ownerEmail: flags.ownerEmail },
        );
        for (const target of parsed) {
          const domain = await addDomain(
            { prisma, queues, teamId: team.id, role: "owner" },
            { hostname: target.host, port: target.port },
          );
          console.log(`added ${domain.hostname}:${domain.port} to ${team.slug} (${domain.id})`);
        }
      } catch (error) {
        if (error instanceof ServiceError || error instanceof UsageError)
          command.error(`error: ${error.message}`, { exitCode: 2 });
        throw error;
      } finally {
        await queues.close();
        await connection.quit().catch(() => connection.disconnect());
        await prisma.$disconnect();
      }
    });
}
