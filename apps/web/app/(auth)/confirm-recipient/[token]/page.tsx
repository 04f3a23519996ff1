import { findRecipientConfirmation } from "@port443/services";
import type { Metadata } from "next";
import { prisma } from "@/server/clients";
import { ConfirmRecipientForm } from "./confirm-recipient-form";

export const metadata: Metadata = { title: "Confirm alerts" };

/**
 * Where a recipient confirmation email leads. Following the link only shows the question: the
 * button confirms, so mail scanners that open links confirm nothing.
 */
export default async function ConfirmRecipientPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = await findRecipientConfirmation({ prisma: prisma() }, { token });
  if (!pending)
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">Link not valid</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This confirmation link is unknown, was already used or has expired. Nothing is sent to you unless
          you confirm a valid link; the team can send a new one by saving its alert policy.
        </p>
      </>
    );
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Receive alerts from {pending.team.name}?</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        The team {pending.team.name} on Port443 wants to send its certificate and TLS alerts to{" "}
        <strong className="text-slate-900 dark:text-slate-100">{pending.email}</strong>. Nothing is sent there
        until you confirm.
      </p>
      <ConfirmRecipientForm token={token} />
    </>
  );
}
