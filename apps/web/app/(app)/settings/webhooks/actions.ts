"use server";
import { webEnv } from "@port443/config/web";
import { createWebhook, deleteWebhook, sendTestWebhook } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { requireTeam } from "@/server/session";

type Result = { error?: string; secret?: string; sent?: boolean };

async function run(work: () => Promise<Result | undefined>): Promise<Result> {
  try {
    const result = (await work()) ?? {};
    revalidatePath("/settings/webhooks");
    return result;
  } catch (error) {
    return actionError(error);
  }
}

export async function addWebhookAction(_state: Result | undefined, form: FormData): Promise<Result> {
  const { ctx } = await requireTeam();
  return run(async () => {
    const webhook = await createWebhook(ctx, {
      url: String(form.get("url") ?? ""),
      kind: form.get("kind") === "slack" ? "slack" : "generic",
    });
    return { secret: webhook.kind === "generic" ? webhook.secret : undefined };
  });
}

export async function sendTestAction(webhookId: string): Promise<Result> {
  const { ctx } = await requireTeam();
  return run(async () => {
    await sendTestWebhook(ctx, { webhookId, publicUrl: webEnv().PUBLIC_URL });
    return { sent: true };
  });
}

export async function deleteWebhookAction(webhookId: string): Promise<Result> {
  const { ctx } = await requireTeam();
  return run(() => deleteWebhook(ctx, { webhookId }).then(() => undefined));
}
