"use server";
import { updateAlertPolicy } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { formList } from "@/server/form-fields";
import { emailConfirmationLinks } from "@/server/recipient-confirmations";
import { requireTeam } from "@/server/session";

export interface AlertPolicyState {
  error?: string;
  saved?: boolean;
}

export async function saveAlertPolicy(
  _state: AlertPolicyState | undefined,
  form: FormData,
): Promise<AlertPolicyState> {
  const { ctx, team } = await requireTeam();
  let unsent: string | undefined;
  try {
    const { confirmations } = await updateAlertPolicy(ctx, {
      expiryMode: String(form.get("expiryMode")) as "lifetime",
      expiryThresholds: formList(form, "expiryThresholds").map(Number),
      minSeverity: String(form.get("minSeverity")) as "high",
      notifyGradeDrop: form.get("notifyGradeDrop") === "on",
      notifyCertChange: form.get("notifyCertChange") === "on",
      failingScanThreshold: Number(form.get("failingScanThreshold")),
      recipients: formList(form, "recipients"),
      dailyDigest: form.get("dailyDigest") === "on",
      groupWaitSeconds: Number(form.get("groupWaitSeconds")),
      groupIntervalSeconds: Math.round(Number(form.get("groupIntervalMinutes")) * 60),
      repeatIntervalSeconds:
        form.get("repeatNever") === "on" ? 0 : Math.round(Number(form.get("repeatIntervalHours")) * 3600),
    });
    unsent = await emailConfirmationLinks(team.name, confirmations);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/settings/alerts");
  return { saved: true, error: unsent };
}
