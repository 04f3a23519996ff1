import { findInvitation } from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { prisma } from "@/server/clients";
import { requireSession } from "@/server/session";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

/** Where an invitation email leads: sign in (or up) as the invited address, then accept or decline. */
export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireSession(`/invitations/${id}`);
  const invitation = await findInvitation(
    { prisma: prisma() },
    { invitationId: id, email: session.user.email },
  );
  return (
    <>
      {invitation ? (
        <>
          <h1 className="mb-2 text-xl font-semibold">Join {invitation.team.name}</h1>
          <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
            {invitation.inviter.name || invitation.inviter.email} invited you as {invitation.role ?? "member"}
            .
          </p>
          <AcceptInvitation invitationId={invitation.id} />
        </>
      ) : (
        <>
          <h1 className="mb-2 text-xl font-semibold">Invitation not found</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            It may have expired, been answered, or been sent to another address than {session.user.email}.{" "}
            <Link href="/overview" className="underline">
              Go to the dashboard
            </Link>
          </p>
        </>
      )}
    </>
  );
}
