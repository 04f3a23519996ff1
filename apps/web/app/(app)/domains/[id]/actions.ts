"use server";
import { deleteDomain, getScan, requestScan, updateDomain, updateDomainAlertPolicy } from "@port443/services";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionError } from "@/server/action-error";
import { formList, formOptional } from "@/server/form-fields";
import { emailConfirmationLinks } from "@/server/recipient-confirmations";
import { formInterval, type ScheduleFormState, scheduleFormError } from "@/server/schedule-form";
import { requireTeam } from "@/server/session";

/** "Scan now": queues a scan and returns its id for the progress poller. */
export async function scanNow(domainId: string): Promise<{ scanId?: string; error?: string }> {
  const { ctx } = await requireTeam();
  try {
    return { scanId: (await requestScan(ctx, { domainId })).id };
  } catch (error) {
    return actionError(error, "Your role cannot start scans.");
  }
}

export async function scanState(scanId: string): Promise<"queued" | "running" | "done" | "failed"> {
  const { ctx } = await requireTeam();
  return (await getScan(ctx, { scanId })).status;
}

export async function deleteDomainAction(domainId: string): Promise<{ error?: string }> {
  const { ctx } = await requireTeam();
  try {
    await deleteDomain(ctx, { domainId });
  } catch (error) {
    return actionError(error, "Your role cannot delete domains.");
  }
  redirect("/domains");
}

export interface DomainPolicyState {
  error?: string;
  saved?: boolean;
}

/** Saves the domain's alert-policy overrides; a blank field (or "reset") inherits the team's. */
export async function saveDomainPolicyAction(
  domainId: string,
  _state: DomainPolicyState | undefined,
  form: FormData,
): Promise<DomainPolicyState> {
  const { ctx, team } = await requireTeam();
  const reset = form.get("intent") === "reset";
  const field = (name: string) => (reset ? null : formOptional(form, name));
  const flag = (name: string) => (field(name) === null ? null : field(name) === "on");
  const list = (name: string) => (field(name) === null ? null : formList(form, name));
  let unsent: string | undefined;
  try {
    const { confirmations } = await updateDomainAlertPolicy(ctx, {
      domainId,
      expiryMode: field("expiryMode") as "lifetime" | null,
      expiryThresholds: list("expiryThresholds")?.map(Number) ?? null,
      minSeverity: field("minSeverity") as "high" | null,
      notifyGradeDrop: flag("notifyGradeDrop"),
      notifyCertChange: flag("notifyCertChange"),
      failingScanThreshold:
        field("failingScanThreshold") === null ? null : Number(field("failingScanThreshold")),
      recipients: list("recipients"),
    });
    unsent = await emailConfirmationLinks(team.name, confirmations);
  } catch (error) {
    return actionError(error, "Only admins and owners change alert policies.");
  }
  revalidatePath(`/domains/${domainId}`);
  return { saved: true, error: unsent };
}

/** Sets the domain's own watch and deep intervals; a blank field returns to the team's default. */
export async function saveDomainScheduleAction(
  domainId: string,
  _state: ScheduleFormState | undefined,
  form: FormData,
): Promise<ScheduleFormState> {
  const { ctx } = await requireTeam();
  const intervals = {
    watchIntervalSeconds: formInterval(form, "watchIntervalSeconds"),
    scanIntervalSeconds: formInterval(form, "scanIntervalSeconds"),
  };
  try {
    await updateDomain(ctx, { domainId, ...intervals });
  } catch (error) {
    return scheduleFormError(error, intervals, "Your role cannot change this domain's schedule.");
  }
  revalidatePath(`/domains/${domainId}`);
  return { saved: true };
}
