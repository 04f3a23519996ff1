import { getTwoFactorPolicy } from "@port443/services";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { auth } from "@/server/auth";
import { prisma } from "@/server/clients";
import { requireTeam } from "@/server/session";
import { SecurityActions } from "./security-actions";
import { TeamPolicyForm } from "./team-policy-form";

export const metadata: Metadata = { title: "Security" };

const day = (date: Date) =>
  date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * The signed-in person's second factors (an authenticator app, passkeys) and, for the active
 * team, whether every member must have one.
 */
export default async function SecurityPage() {
  const { ctx, session, team, role } = await requireTeam();
  const [app, passkeys, policy] = await Promise.all([
    prisma().twoFactor.findUnique({ where: { userId: session.user.id }, select: { verified: true } }),
    auth().api.listPasskeys({ headers: await headers() }),
    getTwoFactorPolicy(ctx),
  ]);
  const appOn = app?.verified === true;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Security</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        {appOn || passkeys.length
          ? "Two-factor sign-in is on: after your password (or an emailed link), sign-in asks for a code from your app or one of your passkeys."
          : "Two-factor sign-in is off: your password alone signs you in. Set up an authenticator app or add a passkey to turn it on."}
      </p>
      <SecurityActions
        appOn={appOn}
        passkeys={passkeys.map((passkey) => ({
          id: passkey.id,
          name: passkey.name ?? null,
          createdAt: day(new Date(passkey.createdAt)),
        }))}
      />
      <Panel id="team-policy" title={`Two-factor policy for ${team.name}`}>
        {role === "owner" ? (
          <div className="space-y-3">
            <TeamPolicyForm team={team.name} required={policy.required} />
            {policy.withoutSecondFactor.length ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Without a second factor yet:{" "}
                {policy.withoutSecondFactor.map((member) => member.name || member.email).join(", ")}.
              </p>
            ) : null}
          </div>
        ) : (
          <Notice>
            {policy.required
              ? `${team.name} requires two-factor sign-in for every member.`
              : `${team.name} does not require two-factor sign-in; its owners can.`}
          </Notice>
        )}
      </Panel>
    </div>
  );
}
