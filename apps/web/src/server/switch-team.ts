"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "./auth";

/** Makes another of the user's teams the active one (better-auth checks the membership). */
export async function switchTeam(form: FormData) {
  const teamId = z.uuid().parse(form.get("teamId"));
  await auth().api.setActiveOrganization({ headers: await headers(), body: { organizationId: teamId } });
  redirect("/overview");
}
