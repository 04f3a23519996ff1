"use server";
import { webEnv } from "@port443/config/web";
import { badgeUrl, disableBadge, enableBadge, rotateBadge } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { badges } from "@/server/badges";
import { requireTeam } from "@/server/session";

export interface BadgeActionResult {
  /** The badge's URL after the change; null once it is off. */
  url?: string | null;
  error?: string;
}

const refused = "Your role cannot change this domain's badge.";

/** Turns the badge on (a badge already on keeps its URL). */
export async function enableBadgeAction(domainId: string): Promise<BadgeActionResult> {
  const { ctx } = await requireTeam();
  try {
    const { token } = await enableBadge(ctx, { domainId });
    revalidatePath(`/domains/${domainId}`);
    return { url: badgeUrl(webEnv().PUBLIC_URL, token) };
  } catch (error) {
    return actionError(error, refused);
  }
}

/** A new URL for the badge; this process stops serving the old one at once. */
export async function rotateBadgeAction(domainId: string): Promise<BadgeActionResult> {
  const { ctx } = await requireTeam();
  try {
    const { token, revokedToken } = await rotateBadge(ctx, { domainId });
    badges().forget(revokedToken);
    revalidatePath(`/domains/${domainId}`);
    return { url: badgeUrl(webEnv().PUBLIC_URL, token) };
  } catch (error) {
    return actionError(error, refused);
  }
}

/** Turns the badge off; this process stops serving it at once. */
export async function disableBadgeAction(domainId: string): Promise<BadgeActionResult> {
  const { ctx } = await requireTeam();
  try {
    const { revokedToken } = await disableBadge(ctx, { domainId });
    if (revokedToken) badges().forget(revokedToken);
    revalidatePath(`/domains/${domainId}`);
    return { url: null };
  } catch (error) {
    return actionError(error, refused);
  }
}
