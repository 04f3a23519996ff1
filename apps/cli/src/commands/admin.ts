import type { ApiScope } from "@port443/db";
import type { Command } from "commander";
import { asOperator } from "../admin/operator";
import { wholeNumber } from "../args";
import { parseTarget, UsageError } from "../scan/targets";

interface TeamFlags {
  team: string;
  createTeam?: boolean;
  ownerEmail?: string;
}

interface CreateKeyFlags extends TeamFlags {
  scopes: string;
  name: string;
  expiresInDays?: number;
}

const DAY_MS = 86_400_000;

const teamOptions = (command: Command) =>
  command
    .requiredOption("--team <slug>", "the team's slug")
    .option("--create-team", "create the team when it does not exist")
    .option(
      "--owner-email <email>",
      "make this person an owner of the team (alert emails go to owners and admins)",
    );

const teamInput = (flags: TeamFlags) => ({
  slug: flags.team,
  create: flags.createTeam,
  ownerEmail: flags.ownerEmail,
});

/**
 * Operator commands: they use DATABASE_URL and REDIS_URL directly (npm start's by default).
 * Services are imported in the actions: see asOperator.
 */
export function registerAdmin(program: Command): void {
  const admin = program.command("admin").description("operator commands (talk to the database directly)");

  teamOptions(
    admin
      .command("add-domain")
      .description("monitor host[:port] for a team; the first scan starts within seconds")
      .argument("<targets...>", "host[:port] (port 443 by default)"),
  ).action((targets: string[], flags: TeamFlags, command: Command) =>
    asOperator(command, async ({ prisma, queues }) => {
      const parsed = targets.map(parseTarget);
      const { addDomain, ensureTeam } = await import("@port443/services");
      const team = await ensureTeam({ prisma }, teamInput(flags));
      for (const target of parsed) {
        const domain = await addDomain(
          { prisma, queues, teamId: team.id, role: "owner" },
          { hostname: target.host, port: target.port },
        );
        console.log(`added ${domain.hostname}:${domain.port} to ${team.slug} (${domain.id})`);
      }
    }),
  );

  teamOptions(
    admin
      .command("create-key")
      .description(
        "create an API key for a team; prints only the key, for KEY=$(port443 admin create-key …)",
      ),
  )
    .option("--scopes <list>", "comma-separated, of read, write and scan", "read,write,scan")
    .option("--name <name>", "what the key is for, shown in key lists", "created by port443 admin create-key")
    .option("--expires-in-days <n>", "the key stops working after this many days", wholeNumber(1, 3650))
    .action((flags: CreateKeyFlags, command: Command) =>
      asOperator(command, async ({ prisma, queues }) => {
        const { apiScopes, createApiKey, ensureTeam } = await import("@port443/services");
        const scopes = flags.scopes.split(",").map((scope) => scope.trim()) as ApiScope[];
        const unknown = scopes.filter((scope) => !apiScopes.includes(scope));
        // Before ensureTeam, which may create the team: a typo should change nothing.
        if (unknown.length)
          throw new UsageError(`unknown scope "${unknown.join('", "')}" (expected ${apiScopes.join(", ")})`);
        const team = await ensureTeam({ prisma }, teamInput(flags));
        const expiresAt = flags.expiresInDays
          ? new Date(Date.now() + flags.expiresInDays * DAY_MS)
          : undefined;
        const key = await createApiKey(
          { prisma, queues, teamId: team.id, role: "owner" },
          { name: flags.name, scopes, expiresAt },
        );
        // The secret alone on stdout, so command substitution captures exactly the key.
        process.stdout.write(`${key.secret}\n`);
        process.stderr.write(
          `created API key "${key.name}" (${key.prefix}…) for team ${team.slug}, scopes ${key.scopes.join(", ")}, ${
            key.expiresAt ? `expires ${key.expiresAt.toISOString().slice(0, 10)}` : "no expiry"
          }.\nThe key is shown only this once: store it now (e.g. as PORT443_TOKEN).\n`,
        );
      }),
    );
}
