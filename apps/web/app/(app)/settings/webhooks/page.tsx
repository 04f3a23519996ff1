import { listWebhooks } from "@port443/services";
import type { Metadata } from "next";
import { RelativeTime } from "@/components/relative-time";
import { EmptyState } from "@/components/ui/empty-state";
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
      {webhooks.length ? (
        <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
          {webhooks.map((webhook) => {
            const last = webhook.notifications[0];
            return (
              <li key={webhook.id} className="flex flex-wrap items-center gap-3 py-3">
                <span className="font-mono">{webhook.url}</span>
                <span className="text-slate-600 dark:text-slate-400">{webhook.kind}</span>
                <span className="text-slate-600 dark:text-slate-400">
                  {last ? (
                    <>
                      last delivery: {last.state}
                      {last.lastError ? ` (${last.lastError})` : ""}{" "}
                      <RelativeTime at={last.sentAt ?? last.createdAt} />
                    </>
                  ) : (
                    "no deliveries yet"
                  )}
                </span>
                <span className="ml-auto">
                  <WebhookRowActions webhookId={webhook.id} url={webhook.url} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState title="No webhooks yet">
          Add a receiver above to get every alert as signed JSON (your own service, PagerDuty, Opsgenie) or as
          a Slack message; then send it a test from here.
        </EmptyState>
      )}
    </div>
  );
}
