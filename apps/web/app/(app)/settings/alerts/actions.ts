"use server";
import { updateAlertPolicy } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { requireTeam } from "@/server/session";

export interface AlertPolicyState {
  error?: string;
  saved?: boolean;
}

export async function saveAlertPolicy(
  _state: AlertPolicyState | undefined,
  form: FormData,
): Promise<AlertPolicyState> {
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
    return actionError(error);
  }
  revalidatePath("/settings/alerts");
  return { saved: true };
}
