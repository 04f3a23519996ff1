import { auth } from "@/server/auth";

export const dynamic = "force-dynamic";

/** better-auth's endpoints: sign-up, sign-in, verification, reset, magic links, teams, invitations. */
const handle = (request: Request) => auth().handler(request);

export { handle as GET, handle as POST };
