"use server";
import { setPrivateCa } from "@port443/services";
import { revalidatePath } from "next/cache";
import { actionError } from "@/server/action-error";
import { requireTeam } from "@/server/session";

export interface PrivateCaState {
  error?: string;
  subjects?: string[];
}

export async function savePrivateCa(
  _state: PrivateCaState | undefined,
  form: FormData,
): Promise<PrivateCaState> {
  const { ctx } = await requireTeam();
  const file = form.get("file");
  const pasted = String(form.get("pem") ?? "").trim();
  const pem = file instanceof File && file.size > 0 ? await file.text() : pasted;
  try {
    const result = await setPrivateCa(ctx, { pem: form.get("remove") === "on" ? null : pem });
    revalidatePath("/settings/private-ca");
    return result;
  } catch (error) {
    return actionError(error);
  }
}
