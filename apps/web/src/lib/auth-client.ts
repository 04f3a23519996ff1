"use client";
import { accessControl, roles } from "@port443/auth/roles";
import { magicLinkClient, organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** Sign-in calls from the browser go through /api/auth, where the per-address limits apply. */
export const authClient = createAuthClient({
  plugins: [organizationClient({ ac: accessControl, roles }), magicLinkClient()],
});
