"use server";
import { updateTeamSchedule } from "@port443/services";
import { revalidatePath } from "next/cache";
import { formInterval, type ScheduleFormState, scheduleFormError } from "@/server/schedule-form";
import { requireTeam } from "@/server/session";

/** The team's default watch and deep intervals, for domains without their own. */
export async function saveTeamSchedule(
  _state: ScheduleFormState | undefined,
  form: FormData,
): Promise<ScheduleFormState> {
  const { ctx } = await requireTeam();
  const intervals = {
    defaultWatchIntervalSeconds: formInterval(form, "defaultWatchIntervalSeconds"),
    defaultScanIntervalSeconds: formInterval(form, "defaultScanIntervalSeconds"),
  };
  try {
    // Both fields are required; a blank one (no browser check) leaves its value as it is.
    await updateTeamSchedule(ctx, {
      defaultWatchIntervalSeconds: intervals.defaultWatchIntervalSeconds ?? undefined,
      defaultScanIntervalSeconds: intervals.defaultScanIntervalSeconds ?? undefined,
    });
  } catch (error) {
    return scheduleFormError(error, intervals, "Only admins and owners change the team's schedule.");
  }
  revalidatePath("/settings/schedule");
  return { saved: true };
}
