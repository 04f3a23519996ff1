import { listApiKeys } from "@port443/services";
import type { Metadata } from "next";
import { RelativeTime } from "@/components/relative-time";
import { EmptyState } from "@/components/ui/empty-state";
import { TableHeader } from "@/components/ui/table-header";
import { adminOnly } from "@/server/admin-only";
import { requireTeam } from "@/server/session";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "./revoke-key-button";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { ctx, role } = await requireTeam();
  const refused = adminOnly(role);
  if (refused) return refused;
  const keys = await listApiKeys(ctx);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        Keys let pipelines call the REST API (
        <a className="underline" href="/docs/api">
          reference
        </a>
        ): <code>read</code> lists, <code>write</code> changes domains and alerts, <code>scan</code> runs
        scans and deploy checks.
      </p>
      <CreateKeyForm />
      {keys.length ? (
        <table className="w-full text-left text-sm">
          <TableHeader columns={["Name", "Key", "Scopes", "Created", "Last used", { hidden: "Actions" }]} />
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="py-2">{key.name}</td>
                <td className="py-2 font-mono">{key.prefix}…</td>
                <td className="py-2">{key.scopes.join(", ")}</td>
                <td className="py-2">
                  <RelativeTime at={key.createdAt} />
                </td>
                <td className="py-2">
                  <RelativeTime at={key.lastUsedAt} />
                </td>
                <td className="py-2 text-right">
                  {key.revokedAt ? (
                    <span className="text-slate-600 dark:text-slate-400">
                      revoked <RelativeTime at={key.revokedAt} />
                    </span>
                  ) : (
                    <RevokeKeyButton apiKeyId={key.id} name={key.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title="No API keys yet">
          Create one above for each pipeline or script: a deploy gate needs <code>scan</code>, a dashboard or
          report <code>read</code>. Its secret is shown once, so store it in the pipeline's secrets.
        </EmptyState>
      )}
    </div>
  );
}
