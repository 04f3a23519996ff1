"use server";
import { requireTwoFactor } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { requireTeam } from "@/server/session";

export interface TeamPolicyState {
  error?: string;
  saved?: { required: boolean; membersWithout: number };
}

export async function saveTeamPolicy(
  _state: TeamPolicyState | undefined,
  form: FormData,
): Promise<TeamPolicyState> {
  const { ctx } = await requireTeam();
  try {
    const saved = await requireTwoFactor(ctx, { required: form.get("required") === "on" });
    revalidatePath("/settings/security");
    return { saved };
  } catch (error) {
    return actionError(error, "Only owners change the team's two-factor policy.");
  }
}
