"use client";
import { switchTeam } from "@/server/switch-team";
import { Select } from "../ui/select";

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
      <Select
        id="team-switcher"
        label="Team"
        hideLabel
        compact
        name="teamId"
        defaultValue={activeId}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </Select>
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
      <a href="/onboarding" className="text-sm text-slate-600 hover:underline dark:text-slate-400">
        New team
      </a>
    </form>
  );
}
