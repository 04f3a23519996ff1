"use server";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/server/auth";
import { requireSession } from "@/server/session";

const createTeamInput = z.object({ name: z.string().trim().min(2, "At least 2 characters").max(60) });

const slugFor = (name: string) =>
  `${
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "team"
  }-${randomBytes(3).toString("hex")}`;

export async function createTeam(_state: { error?: string } | undefined, form: FormData) {
  await requireSession("/onboarding");
  const parsed = createTeamInput.safeParse({ name: form.get("name") });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const team = await auth().api.createOrganization({
    headers: await headers(),
    body: { name: parsed.data.name, slug: slugFor(parsed.data.name) },
  });
  if (!team) return { error: "Could not create the team; try again." };
  await auth().api.setActiveOrganization({ headers: await headers(), body: { organizationId: team.id } });
  redirect("/domains/new");
}
