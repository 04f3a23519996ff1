import { type Grade, grades } from "@port443/scanner/report";
import { type Command, Option } from "commander";
import { runApiAction } from "../api/action";
import { type ApiFlags, apiOptions, connectApi } from "../api/client";
import { type Domain, domainPages, findDomain, formatDomainTable } from "../api/domains";
import { collect, wholeNumber } from "../args";
import { formatTarget, parseTarget } from "../scan/targets";

interface ListFlags extends ApiFlags {
  status?: string;
  grade?: Grade;
  tag?: string;
  expiringWithin?: number;
  search?: string;
  json?: boolean;
  all?: boolean;
}

const label = (domain: Domain) =>
  `${formatTarget({ host: domain.hostname, port: domain.port })} (${domain.id})`;

/** Monitored domains through the REST API, with the team's API key. */
export function registerDomains(program: Command): void {
  const domains = program.command("domains").description("list, add and remove monitored domains (REST API)");

  const list = domains
    .command("list")
    .description("the team's domains by hostname: grade, days left, status, issuer, tags")
    // No .choices: the API checks it, and importing the list would load the database client.
    .option("--status <status>", "only domains in this state: pending, ok, warning, critical or error")
    .addOption(new Option("--grade <grade>", "only domains with this grade").choices(grades))
    .option("--tag <tag>", "only domains with this tag")
    .option(
      "--expiring-within <days>",
      "only certificates expiring within this many days (expired ones included)",
      wholeNumber(0, 3650),
    )
    .option("--search <text>", "only hostnames containing this")
    .option("--json", "print the domains as a JSON array")
    .option("--all", "every match, not just the first 50");
  apiOptions(list).action((flags: ListFlags) =>
    runApiAction(list, async () => {
      const request = connectApi(flags);
      const filters = {
        status: flags.status,
        grade: flags.grade,
        tag: flags.tag,
        expiringWithinDays: flags.expiringWithin,
        search: flags.search,
      };
      const items: Domain[] = [];
      let more = false;
      for await (const page of domainPages(request, filters, flags.all ? 200 : 50)) {
        items.push(...page.items);
        more = page.nextCursor !== null;
        if (!flags.all) break;
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(items)}\n`);
      else process.stdout.write(items.length ? formatDomainTable(items) : "no domains\n");
      // On stderr, so that stdout stays data for pipes.
      if (more) process.stderr.write(`(the first ${items.length} shown; --all lists every match)\n`);
      return 0;
    }),
  );

  const add = domains
    .command("add")
    .description("monitor host[:port]; one domain is scanned within seconds, several at the next tick")
    .argument("<targets...>", "host[:port] (port 443 by default)")
    .option("--tag <tag>", "tag the new domains (repeatable)", collect, []);
  apiOptions(add).action((inputs: string[], flags: ApiFlags & { tag: string[] }) =>
    runApiAction(add, async () => {
      const targets = inputs.map(parseTarget);
      const request = connectApi(flags);
      const tags = flags.tag.length ? flags.tag : undefined;
      const fields = targets.map((target) => ({ hostname: target.host, port: target.port, tags }));
      // The bulk route adds all or none, so a typo in a long list leaves nothing half-done.
      const added =
        fields.length === 1
          ? [await request<Domain>("POST", "/domains", fields[0])]
          : (await request<{ items: Domain[] }>("POST", "/domains/bulk", { domains: fields })).items;
      for (const domain of added) process.stdout.write(`added ${label(domain)}\n`);
      return 0;
    }),
  );

  const remove = domains
    .command("remove")
    .description("stop monitoring domains, deleting their scan history and alerts")
    .argument("<domains...>", "host[:port] or domain id");
  apiOptions(remove).action((inputs: string[], flags: ApiFlags) =>
    runApiAction(remove, async () => {
      const request = connectApi(flags);
      // Every name is resolved before anything is deleted: one that is not monitored stops them all.
      const found: Domain[] = [];
      for (const input of inputs) found.push(await findDomain(request, input));
      for (const domain of new Map(found.map((domain) => [domain.id, domain])).values()) {
        await request("DELETE", `/domains/${domain.id}`);
        process.stdout.write(`removed ${label(domain)}\n`);
      }
      return 0;
    }),
  );
}
