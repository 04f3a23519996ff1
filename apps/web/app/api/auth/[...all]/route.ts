import { auth } from "@/server/auth";
import { refuseInvitation } from "@/server/invitation-limit";

export const dynamic = "force-dynamic";

/** better-auth's endpoints: sign-up, sign-in, verification, reset, magic links, teams, invitations. */
const handle = (request: Request) => auth().handler(request);

/** Invitations first take one of the team's hourly turns. */
async function post(request: Request) {
  if (new URL(request.url).pathname.endsWith("/organization/invite-member")) {
    const refused = await refuseInvitation(request);
    if (refused) return refused;
  }
  return handle(request);
}

export { handle as GET, post as POST };
