import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/server/session";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create your team" };

/** A new user's first stop: a team to put domains in (they become its owner). */
export default async function OnboardingPage() {
  const session = await requireSession("/onboarding");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-950">
      <Link href="/" className="mb-8 font-mono text-xl font-semibold tracking-tight">
        <span className="text-brand-600">:</span>443
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-1 text-xl font-semibold">Welcome, {session.user.name || session.user.email}</h1>
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
          Create a team for the domains you watch. You can invite colleagues next.
        </p>
        <CreateTeamForm />
      </div>
    </main>
  );
}
