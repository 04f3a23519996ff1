"use server";
import { acknowledgeAlert, muteDomain, ServiceError } from "@port443/services";
import { revalidatePath } from "next/cache";
import { requireTeam } from "@/server/session";

const message = (error: unknown) => {
  if (!(error instanceof ServiceError)) throw error;
  return { error: error.code === "forbidden" ? "Your role cannot change alerts." : error.message };
};

export async function acknowledgeAction(alertId: string): Promise<{ error?: string }> {
  const { ctx } = await requireTeam();
  try {
    await acknowledgeAlert(ctx, { alertId });
  } catch (error) {
    return message(error);
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
    return message(error);
  }
  revalidatePath("/alerts");
  revalidatePath(`/domains/${domainId}`);
  return {};
}
