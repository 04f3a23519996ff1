"use server";
import { deleteDomain, getScan, requestScan } from "@port443/services";
import { redirect } from "next/navigation";
import { actionError } from "@/server/action-error";
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
