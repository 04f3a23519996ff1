import "server-only";
import { allowInvitation, LimitError, ServiceError } from "@port443/services";
import { z } from "zod";
import { auth } from "./auth";
import { prisma, queues } from "./clients";
import { teamQuotas } from "./quotas";

const inviteBody = z.object({ organizationId: z.uuid().optional() });

/**
 * better-auth creates and emails invitations itself (`/api/auth/organization/invite-member`), so
 * the team's hourly invitation limit is taken here, before it: the answer when the inviter's team
 * has none left (429 in better-auth's error shape, which the invite form shows), else null to let
 * better-auth go on (it also answers callers who are not the team's admins).
 */
export async function refuseInvitation(request: Request): Promise<Response | null> {
  const session = await auth().api.getSession({ headers: request.headers });
  if (!session) return null;
  const body = inviteBody.safeParse(
    await request
      .clone()
      .json()
      .catch(() => null),
  );
  const teamId = (body.success && body.data.organizationId) || session.session.activeOrganizationId;
  if (!teamId) return null;
  const member = await prisma().member.findUnique({
    where: { teamId_userId: { teamId, userId: session.user.id } },
    select: { role: true },
  });
  if (!member) return null;
  try {
    await allowInvitation({
      prisma: prisma(),
      queues: queues(),
      teamId,
      role: member.role,
      userId: session.user.id,
      quotas: teamQuotas(),
    });
    return null;
  } catch (error) {
    if (error instanceof LimitError)
      return Response.json(
        { code: "RATE_LIMITED", message: error.message },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds ?? 3600) } },
      );
    // A refusal by role is better-auth's to answer, in its own words.
    if (error instanceof ServiceError) return null;
    throw error;
  }
}
