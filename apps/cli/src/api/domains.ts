import type { Grade } from "@port443/scanner/report";
import { formatTarget, parseTarget } from "../scan/targets";
import { ApiError, type ApiRequest, queryString } from "./client";

/** The API's Domain, as far as the CLI uses it (`--json` prints all of it). */
export interface Domain {
  id: string;
  hostname: string;
  port: number;
  tags: string[];
  status: string;
  grade: Grade | null;
  daysRemaining: number | null;
  issuer: string | null;
}

export interface DomainFilters {
  status?: string;
  grade?: Grade;
  tag?: string;
  expiringWithinDays?: number;
  search?: string;
}

interface DomainPage {
  items: Domain[];
  nextCursor: string | null;
}

/** GET /domains a page at a time, following nextCursor for as long as the caller keeps asking. */
export async function* domainPages(
  request: ApiRequest,
  filters: DomainFilters,
  limit: number,
): AsyncGenerator<DomainPage> {
  let cursor: string | undefined;
  do {
    const page = await request<DomainPage>("GET", `/domains${queryString({ ...filters, limit, cursor })}`);
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team's domain for an id or host[:port]; hostnames match exactly, as stored (lower-case punycode). */
export async function findDomain(request: ApiRequest, input: string): Promise<Domain> {
  if (uuid.test(input)) return request<Domain>("GET", `/domains/${input.toLowerCase()}`);
  const target = parseTarget(input);
  // `search` matches part of the hostname, so other domains may come first: look through them all.
  for await (const page of domainPages(request, { search: target.host }, 200)) {
    const found = page.items.find((domain) => domain.hostname === target.host && domain.port === target.port);
    if (found) return found;
  }
  throw new ApiError(`${formatTarget(target)} is not monitored by this key's team`);
}

/** Plain aligned columns, one domain a line. */
export function formatDomainTable(domains: Domain[]): string {
  const rows = domains.map((domain) => [
    formatTarget({ host: domain.hostname, port: domain.port }),
    domain.grade ?? "–",
    domain.daysRemaining === null ? "–" : String(domain.daysRemaining),
    domain.status,
    domain.issuer ?? "–",
    domain.tags.join(",") || "–",
  ]);
  const header = ["domain", "grade", "days", "status", "issuer", "tags"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      // Days are numbers: right-aligned, so they line up by magnitude.
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line), ""].join("\n");
}
