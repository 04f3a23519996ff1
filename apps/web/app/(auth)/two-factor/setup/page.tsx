import { webEnv } from "@port443/config/web";
import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { safeNext } from "@/lib/safe-next";
import { prisma } from "@/server/clients";
import { requireSession } from "@/server/session";
import { SetupSteps } from "./setup-steps";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

/**
 * Where a member without a second factor lands when a team of theirs requires one (the
 * dashboard's session check sends them here before any of the team's pages).
 */
export default async function TwoFactorSetupPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  const target = safeNext(next, webEnv().PUBLIC_URL);
  const session = await requireSession(`/two-factor/setup?next=${encodeURIComponent(target)}`);
  if (session.user.twoFactorEnabled) redirect(target as Route);
  const requiring = await prisma().team.findMany({
    where: { requireTwoFactor: true, members: { some: { userId: session.user.id } } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Set up two-factor sign-in</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        {requiring.length
          ? `${requiring.map((team) => team.name).join(", ")} ${requiring.length === 1 ? "requires" : "require"} a second factor for every member.`
          : "A second factor keeps your account safe even if your password leaks."}{" "}
        Add a passkey or set up an authenticator app to continue.
      </p>
      <SetupSteps next={target} />
    </>
  );
}
