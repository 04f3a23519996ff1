"use server";
import { createApiKey, revokeApiKey } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { requireTeam } from "@/server/session";

export interface CreateKeyState {
  secret?: string;
  error?: string;
}

export async function createKeyAction(
  _state: CreateKeyState | undefined,
  form: FormData,
): Promise<CreateKeyState> {
  const { ctx } = await requireTeam();
  try {
    const key = await createApiKey(ctx, {
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String) as ("read" | "write" | "scan")[],
    });
    revalidatePath("/settings/api-keys");
    return { secret: key.secret };
  } catch (error) {
    return actionError(error, "Only admins and owners manage API keys.");
  }
}

export async function revokeKeyAction(apiKeyId: string): Promise<{ error?: string }> {
  const { ctx } = await requireTeam();
  try {
    await revokeApiKey(ctx, { apiKeyId });
  } catch (error) {
    return actionError(error, "Only admins and owners manage API keys.");
  }
  revalidatePath("/settings/api-keys");
  return {};
}
