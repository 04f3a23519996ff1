"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { authClient } from "@/lib/auth-client";

const roles = ["viewer", "member", "admin"] as const;

/** Invitations go through better-auth, which checks the inviter's role and emails the link. */
export function InviteForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  async function invite(form: FormData) {
    const email = String(form.get("email"));
    const { error } = await authClient.organization.inviteMember({
      email,
      role: String(form.get("role")) as (typeof roles)[number],
      organizationId: teamId,
    });
    setMessage(
      error
        ? { tone: "error", text: error.message ?? "Could not invite" }
        : { tone: "success", text: `Invitation sent to ${email}.` },
    );
    router.refresh();
  }
  return (
    <form action={invite} className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <Field label="Email" name="email" type="email" required />
      </div>
      <Select label="Role" name="role" defaultValue="member">
        {roles.map((role) => (
          <option key={role}>{role}</option>
        ))}
      </Select>
      <Button type="submit">Invite</Button>
      {message ? (
        <div className="w-full">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      ) : null}
    </form>
  );
}
