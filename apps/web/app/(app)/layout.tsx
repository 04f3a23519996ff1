import Link from "next/link";
import type { ReactNode } from "react";
import { TeamSwitcher } from "@/components/team/team-switcher";
import { UserMenu } from "@/components/user-menu";
import { requireTeam } from "@/server/session";

const nav = [
  { href: "/overview", label: "Overview" },
  { href: "/domains", label: "Domains" },
  { href: "/alerts", label: "Alerts" },
  { href: "/settings/members", label: "Settings" },
] as const;

/** The signed-in frame: team, navigation, user; every page below acts for the active team. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { team, teams, session, role } = await requireTeam();
  return (
    <div className="min-h-dvh bg-slate-50 dark:bg-slate-950">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/overview" className="font-mono text-lg font-semibold tracking-tight">
            <span className="text-brand-600">:</span>443
          </Link>
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="team-name">
            {team.name} · {role}
          </span>
          {teams.length > 1 ? <TeamSwitcher teams={teams} activeId={team.id} /> : null}
          <nav aria-label="Dashboard" className="flex gap-4 text-sm">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <UserMenu email={session.user.email} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
