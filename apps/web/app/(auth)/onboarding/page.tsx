import type { Metadata } from "next";
import { requireSession } from "@/server/session";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create your team" };

/** A new user's first stop: a team to put domains in (they become its owner). */
export default async function OnboardingPage() {
  const session = await requireSession("/onboarding");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Welcome, {session.user.name || session.user.email}</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Create a team for the domains you watch. You can invite colleagues next.
      </p>
      <CreateTeamForm />
    </>
  );
}
