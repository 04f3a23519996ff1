"use server";
import { acknowledgeAlert, acknowledgeGroup, muteDomain } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { requireTeam } from "@/server/session";

export async function acknowledgeAction(alertId: string): Promise<{ error?: string }> {
  const { ctx } = await requireTeam();
  try {
    await acknowledgeAlert(ctx, { alertId });
  } catch (error) {
    return actionError(error, "Your role cannot change alerts.");
  }
  revalidatePath("/alerts");
  return {};
}

/** Acknowledges every open alert of a notification group (each alert keeps its own state). */
export async function acknowledgeGroupAction(groupId: string): Promise<{ error?: string }> {
  const { ctx } = await requireTeam();
  try {
    await acknowledgeGroup(ctx, { groupId });
  } catch (error) {
    return actionError(error, "Your role cannot change alerts.");
  }
  revalidatePath("/alerts");
  return {};
}

/** Mutes the domain's notifications for `hours` (0 unmutes). */
export async function muteAction(domainId: string, hours: number): Promise<{ error?: string }> {
  const { ctx } = await requireTeam();
  try {
    await muteDomain(ctx, { domainId, until: hours > 0 ? new Date(Date.now() + hours * 3_600_000) : null });
  } catch (error) {
    return actionError(error, "Your role cannot change alerts.");
  }
  revalidatePath("/alerts");
  revalidatePath(`/domains/${domainId}`);
  return {};
}
