import {
  type AuditAction,
  auditActions,
  hasRole,
  listApiKeys,
  listAuditEvents,
  listMembers,
  ServiceError,
} from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { TableHeader } from "@/components/ui/table-header";
import { requireTeam } from "@/server/session";
import { Changes } from "./changes";

export const metadata: Metadata = { title: "Audit log" };

type Search = { actor?: string; action?: string; cursor?: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { ctx, role } = await requireTeam();
  if (!hasRole(role, "admin")) return <Notice>Only admins and owners read the audit log.</Notice>;
  const actorId = params.actor && uuid.test(params.actor) ? params.actor : undefined;
  const action = auditActions.includes(params.action as AuditAction)
    ? (params.action as AuditAction)
    : undefined;
  const [{ members }, keys, page] = await Promise.all([
    listMembers(ctx),
    listApiKeys(ctx),
    listAuditEvents(ctx, { actorId, action, cursor: params.cursor }).catch((error: unknown) => {
      // A cursor edited by hand: say so rather than fail the page.
      if (error instanceof ServiceError && error.code === "validation") return null;
      throw error;
    }),
  ]);
  const filter = new URLSearchParams(
    Object.entries({ actor: actorId ?? "", action: action ?? "" }).filter(([, v]) => v),
  );
  const older = page?.nextCursor ? new URLSearchParams([...filter, ["cursor", page.nextCursor]]) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        Every change a member, API key or operator made to the team, newest first: who made it, from which
        address, and the fields it changed (never a secret).
      </p>
      <search>
        <form className="flex flex-wrap items-end gap-3">
          <Select label="Actor" name="actor" defaultValue={actorId ?? ""}>
            <option value="">anyone</option>
            {members.map((member) => (
              <option key={member.user.id} value={member.user.id}>
                {member.user.email}
              </option>
            ))}
            {keys.map((key) => (
              <option key={key.id} value={key.id}>
                API key '{key.name}'
              </option>
            ))}
          </Select>
          <Select label="Action" name="action" defaultValue={action ?? ""}>
            <option value="">any</option>
            {auditActions.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
      </search>
      {!page ? (
        <Notice tone="error">
          This page link is not one the audit log gave.{" "}
          <Link href="/settings/audit" className="font-medium underline">
            Start from the newest
          </Link>
        </Notice>
      ) : page.items.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <TableHeader
              columns={["When", "Actor", "Action", "Target", "Changes", "Address"]}
              padded
              divided
            />
            <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
              {page.items.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-4 py-2">
                    <RelativeTime at={event.createdAt} />
                  </td>
                  <td className="px-4 py-2">{event.actorName}</td>
                  <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
                  <td className="px-4 py-2">{event.targetLabel}</td>
                  <td className="px-4 py-2">
                    <Changes before={event.before} after={event.after} />
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{event.clientAddress ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState
          title={filter.size ? "No changes match" : "No changes yet"}
          action={
            filter.size ? (
              <Link href="/settings/audit" className="font-medium underline">
                Clear the filters
              </Link>
            ) : null
          }
        >
          {filter.size
            ? "Nothing this team has recorded fits both filters; loosen one, or clear them."
            : "Changes to domains, alert policies, members, webhooks and API keys are listed here as they are made, with who made them."}
        </EmptyState>
      )}
      <div className="flex gap-3">
        {params.cursor ? (
          <Button asChild variant="secondary">
            <Link href={filter.size ? `/settings/audit?${filter}` : "/settings/audit"}>Newest</Link>
          </Button>
        ) : null}
        {older ? (
          <Button asChild variant="secondary">
            <Link href={`/settings/audit?${older}`}>Older changes</Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
