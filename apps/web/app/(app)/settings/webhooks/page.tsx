import { listWebhooks } from "@port443/services";
import type { Metadata } from "next";
import { dateTime } from "@/lib/format";
import { adminOnly } from "@/server/admin-only";
import { requireTeam } from "@/server/session";
import { AddWebhookForm, WebhookRowActions } from "./webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { ctx, role } = await requireTeam();
  const refused = adminOnly(role);
  if (refused) return refused;
  const webhooks = await listWebhooks(ctx);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <AddWebhookForm />
      <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {webhooks.map((webhook) => {
          const last = webhook.notifications[0];
          return (
            <li key={webhook.id} className="flex flex-wrap items-center gap-3 py-3">
              <span className="font-mono">{webhook.url}</span>
              <span className="text-slate-500">{webhook.kind}</span>
              <span className="text-slate-500">
                {last
                  ? `last delivery: ${last.state}${last.lastError ? ` (${last.lastError})` : ""} ${dateTime(last.sentAt ?? last.createdAt)}`
                  : "no deliveries yet"}
              </span>
              <span className="ml-auto">
                <WebhookRowActions webhookId={webhook.id} url={webhook.url} />
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
