import { getAlertPolicy } from "@port443/services";
import type { Metadata } from "next";
import { adminOnly } from "@/server/admin-only";
import { requireTeam } from "@/server/session";
import { PolicyForm } from "./policy-form";

export const metadata: Metadata = { title: "Alert policy" };

export default async function AlertPolicyPage() {
  const { ctx, role } = await requireTeam();
  const refused = adminOnly(role);
  if (refused) return refused;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Alert policy</h1>
      <PolicyForm policy={await getAlertPolicy(ctx)} />
    </div>
  );
}
