import { getPrivateCa } from "@port443/services";
import type { Metadata } from "next";
import { adminOnly } from "@/server/admin-only";
import { requireTeam } from "@/server/session";
import { PrivateCaForm } from "./private-ca-form";

export const metadata: Metadata = { title: "Private CA" };

export default async function PrivateCaPage() {
  const { ctx, role } = await requireTeam();
  const refused = adminOnly(role);
  if (refused) return refused;
  const { subjects } = await getPrivateCa(ctx);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Private CA</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        Internal endpoints signed by your own CA are trusted when you upload its certificate(s) here; they are
        used for this team's scans and deploy checks only, besides the public roots.
        {subjects.length ? ` Trusted now: ${subjects.join("; ")}.` : " No bundle is installed."}
      </p>
      <PrivateCaForm hasBundle={subjects.length > 0} />
    </div>
  );
}
