"use server";
import { createApiKey, revokeApiKey, ServiceError } from "@port443/services";
import { revalidatePath } from "next/cache";
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
    if (error instanceof ServiceError)
      return {
        error: error.code === "forbidden" ? "Only admins and owners manage API keys." : error.message,
      };
    throw error;
  }
}

export async function revokeKeyAction(apiKeyId: string) {
  const { ctx } = await requireTeam();
  await revokeApiKey(ctx, { apiKeyId });
  revalidatePath("/settings/api-keys");
}
