import { gradeFromDb } from "@port443/monitoring";
import { dbGrades, domainStatuses, findNotificationGroup, hasRole, listDomains } from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { GradeBadge } from "@/components/grade-badge";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TableHeader } from "@/components/ui/table-header";
import { daysLeftLabel } from "@/lib/format";
import { requireTeam } from "@/server/session";

export const metadata: Metadata = { title: "Domains" };

type Search = {
  search?: string;
  status?: string;
  grade?: string;
  tag?: string;
  expiring?: string;
  sort?: string;
  cursor?: string;
  /** A notification group's id: a group email's "and N more" link. */
  group?: string;
};

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;

export default async function DomainsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { ctx, role } = await requireTeam();
  const expiring = Number(params.expiring);
  const group = params.group ? await findNotificationGroup(ctx, { groupId: params.group }) : null;
  // A group of another team (or none) shows nothing, never every domain.
  const page =
    params.group && !group
      ? { items: [], nextCursor: null }
      : await listDomains(ctx, {
          search: params.search || undefined,
          status: pick(params.status, domainStatuses),
          grade: pick(params.grade, dbGrades),
          tag: params.tag || undefined,
          expiringWithinDays: Number.isInteger(expiring) && expiring >= 0 ? expiring : undefined,
          sort: params.sort === "expiry" ? "expiry" : "hostname",
          cursor: params.cursor,
          groupId: group?.id,
        });
  const filtered = [
    params.search,
    params.status,
    params.grade,
    params.tag,
    params.expiring,
    params.group,
  ].some(Boolean);
  const next = new URLSearchParams(
    Object.entries({ ...params, cursor: page.nextCursor ?? "" }).filter(([, value]) => value),
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Domains</h1>
        {hasRole(role, "member") ? (
          <Button asChild>
            <Link href="/domains/new">Add domains</Link>
          </Button>
        ) : null}
      </div>
      {params.group ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-brand-50 px-4 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <span>
            {group ? (
              <>
                Filtered by notification group: <strong>{group.cause}</strong>
              </>
            ) : (
              "No such notification group in this team"
            )}
          </span>
          <Link href="/domains" className="font-medium underline">
            Clear filter
          </Link>
        </div>
      ) : null}
      <search>
        <form className="flex flex-wrap items-end gap-3">
          {group ? <input type="hidden" name="group" value={group.id} /> : null}
          <Field
            label="Search"
            name="search"
            defaultValue={params.search}
            placeholder="hostname"
            className="w-48"
          />
          <Select label="Status" name="status" defaultValue={params.status ?? ""}>
            <option value="">any</option>
            {domainStatuses.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </Select>
          <Select label="Grade" name="grade" defaultValue={params.grade ?? ""}>
            <option value="">any</option>
            {dbGrades.map((grade) => (
              <option key={grade} value={grade}>
                {gradeFromDb[grade]}
              </option>
            ))}
          </Select>
          <Select label="Sort" name="sort" defaultValue={params.sort ?? "hostname"}>
            <option value="hostname">hostname</option>
            <option value="expiry">soonest expiry</option>
          </Select>
          <Field
            label="Expiring within (days)"
            name="expiring"
            type="number"
            min={0}
            defaultValue={params.expiring}
            className="w-28"
          />
          <Field label="Tag" name="tag" defaultValue={params.tag} className="w-28" />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
      </search>
      {page.items.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <TableHeader
              columns={["Grade", "Domain", "Days left", "Renewal due", "Issuer", "Last scan", "Status"]}
              padded
              divided
            />
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {page.items.map((domain) => (
                <tr key={domain.id}>
                  <td className="px-4 py-2">
                    <GradeBadge grade={domain.grade} />
                  </td>
                  <td className="px-4 py-2">
                    <Link href={`/domains/${domain.id}`} className="font-medium hover:underline">
                      {domain.hostname}:{domain.port}
                    </Link>
                    {domain.tags.length ? (
                      <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
                        {domain.tags.join(", ")}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2">{daysLeftLabel(domain.notAfter)}</td>
                  <td
                    className={`px-4 py-2 ${domain.renewalDueAt && domain.renewalDueAt < new Date() ? "font-medium text-red-700 dark:text-red-400" : ""}`}
                  >
                    <RelativeTime at={domain.renewalDueAt} never="–" />
                  </td>
                  <td className="max-w-56 truncate px-4 py-2" title={domain.issuer ?? ""}>
                    {domain.issuer ?? "–"}
                  </td>
                  <td className="px-4 py-2">
                    <RelativeTime at={domain.lastScanAt} />
                  </td>
                  <td className="px-4 py-2">{domain.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState
          title={filtered ? "No domains match" : "No domains yet"}
          action={
            filtered ? (
              <Link href="/domains" className="font-medium underline">
                Clear the filters
              </Link>
            ) : hasRole(role, "member") ? (
              <Button asChild>
                <Link href="/domains/new">Add domains</Link>
              </Button>
            ) : null
          }
        >
          {filtered
            ? "No domain of this team fits every filter above; loosen one, or clear them all."
            : hasRole(role, "member")
              ? "Add the endpoints your team serves (host or host:port, one per line, or a CSV): each is scanned at once, then on the team's schedule."
              : "Once a member adds the team's endpoints, they are listed here with their grades and expiries."}
        </EmptyState>
      )}
      <div className="flex gap-3">
        {params.cursor ? (
          <Button asChild variant="secondary">
            <Link href="/domains">First page</Link>
          </Button>
        ) : null}
        {page.nextCursor ? (
          <Button asChild variant="secondary">
            <Link href={`/domains?${next}`}>Next page</Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
