"use client";
import { switchTeam } from "@/server/switch-team";

/** Switches the active team; a plain form, so it works before JavaScript loads too. */
export function TeamSwitcher({
  teams,
  activeId,
}: {
  teams: { id: string; name: string }[];
  activeId: string;
}) {
  return (
    <form action={switchTeam} className="flex items-center gap-2">
      <label htmlFor="team-switcher" className="sr-only">
        Team
      </label>
      <select
        id="team-switcher"
        name="teamId"
        defaultValue={activeId}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
      <a href="/onboarding" className="text-sm text-slate-600 hover:underline dark:text-slate-400">
        New team
      </a>
    </form>
  );
}
