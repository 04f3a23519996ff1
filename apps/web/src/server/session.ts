import "server-only";
import { clientAddress } from "@port443/auth/client-address";
import { webEnv } from "@port443/config/web";
import type { ServiceContext } from "@port443/services";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import { prisma, queues, redis } from "./clients";
import { teamQuotas } from "./quotas";

/** The signed-in user's session, once per request. */
export const currentSession = cache(async () => {
  // Request headers first: that marks the page dynamic before anything needs the environment.
  const requestHeaders = await headers();
  return auth().api.getSession({ headers: requestHeaders });
});

/** The session, or off to sign-in and back. */
export async function requireSession(next = "/overview") {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return session;
}

/**
 * The team the dashboard acts for: the session's active team when the user still belongs to it,
 * else their first. A user without a team goes to onboarding, and a member without a second
 * factor of a team that requires one goes to set one up (API keys do not come this way). The
 * role and the policy come from the database on every request, so a change applies at once.
 */
export const requireTeam = cache(async () => {
  const session = await requireSession();
  const memberships = await prisma().member.findMany({
    where: { userId: session.user.id },
    include: { team: { select: { id: true, name: true, slug: true, requireTwoFactor: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (!memberships.length) redirect("/onboarding");
  const active =
    memberships.find((membership) => membership.teamId === session.session.activeOrganizationId) ??
    memberships[0]!;
  // Checked on the server for every page and action of the team, whatever the UI shows.
  if (active.team.requireTwoFactor && !session.user.twoFactorEnabled) redirect("/two-factor/setup");
  const ctx: ServiceContext = {
    prisma: prisma(),
    queues: queues(),
    redis: redis(),
    teamId: active.teamId,
    role: active.role,
    userId: session.user.id,
    clientAddress:
      clientAddress((await headers()).get("x-forwarded-for"), webEnv().PORT443_TRUSTED_PROXIES) ?? undefined,
    quotas: teamQuotas(),
  };
  return {
    ctx,
    session,
    team: active.team,
    role: active.role,
    teams: memberships.map((membership) => membership.team),
  };
});
