"use server";
import { confirmRecipient } from "@port443/services";
import { actionError } from "@/server/action-error";
import { prisma } from "@/server/clients";

export interface ConfirmRecipientState {
  error?: string;
  confirmed?: { email: string; team: string };
}

export async function confirmRecipientAction(token: string): Promise<ConfirmRecipientState> {
  try {
    return { confirmed: await confirmRecipient({ prisma: prisma() }, { token }) };
  } catch (error) {
    return actionError(error);
  }
}
