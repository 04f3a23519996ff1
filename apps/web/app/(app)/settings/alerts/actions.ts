"use server";
import { ServiceError, updateAlertPolicy } from "@port443/services";
import { revalidatePath } from "next/cache";
import { requireTeam } from "@/server/session";

export async function saveAlertPolicy(
  _state: { error?: string; saved?: boolean } | undefined,
  form: FormData,
) {
  const { ctx } = await requireTeam();
  const list = (name: string) =>
    String(form.get(name) ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
  try {
    await updateAlertPolicy(ctx, {
      expiryThresholds: list("expiryThresholds").map(Number),
      minSeverity: String(form.get("minSeverity")) as "high",
      notifyGradeDrop: form.get("notifyGradeDrop") === "on",
      notifyCertChange: form.get("notifyCertChange") === "on",
      failingScanThreshold: Number(form.get("failingScanThreshold")),
      recipients: list("recipients"),
      dailyDigest: form.get("dailyDigest") === "on",
    });
  } catch (error) {
    if (error instanceof ServiceError) return { error: error.message };
    throw error;
  }
  revalidatePath("/settings/alerts");
  return { saved: true };
}
