import { listApiKeys } from "@port443/services";
import type { Metadata } from "next";
import { TableHeader } from "@/components/ui/table-header";
import { dateTime } from "@/lib/format";
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
      <table className="w-full text-left text-sm">
        <TableHeader columns={["Name", "Key", "Scopes", "Last used", { hidden: "Actions" }]} />
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {keys.map((key) => (
            <tr key={key.id}>
              <td className="py-2">{key.name}</td>
              <td className="py-2 font-mono">{key.prefix}…</td>
              <td className="py-2">{key.scopes.join(", ")}</td>
              <td className="py-2">{dateTime(key.lastUsedAt)}</td>
              <td className="py-2 text-right">
                {key.revokedAt ? (
                  <span className="text-slate-500">revoked {dateTime(key.revokedAt)}</span>
                ) : (
                  <RevokeKeyButton apiKeyId={key.id} name={key.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
