"use client";
import { passkeyClient } from "@better-auth/passkey/client";
import { accessControl, roles } from "@port443/auth/roles";
import { magicLinkClient, organizationClient, twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * Sign-in calls from the browser go through /api/auth, where the per-address limits apply. A
 * password sign-in that needs a second step answers `twoFactorRedirect`; the sign-in form goes
 * on to /two-factor itself, so the client plugin redirects nowhere.
 */
export const authClient = createAuthClient({
  plugins: [
    organizationClient({ ac: accessControl, roles }),
    magicLinkClient(),
    twoFactorClient(),
    passkeyClient(),
  ],
});
