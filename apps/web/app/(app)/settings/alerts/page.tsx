import { getAlertPolicy, getRecipientStates, listDomainPolicyOverrides } from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { adminOnly } from "@/server/admin-only";
import { requireTeam } from "@/server/session";
import { PolicyForm } from "./policy-form";

export const metadata: Metadata = { title: "Alert policy" };

export default async function AlertPolicyPage() {
  const { ctx, role } = await requireTeam();
  const refused = adminOnly(role);
  if (refused) return refused;
  const [policy, overrides] = await Promise.all([getAlertPolicy(ctx), listDomainPolicyOverrides(ctx)]);
  const recipients = await getRecipientStates(ctx, { recipients: policy.recipients });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Alert policy</h1>
      <PolicyForm policy={policy} recipients={recipients} />
      <section aria-labelledby="overrides" className="max-w-xl space-y-2">
        <h2 id="overrides" className="text-lg font-medium">
          Domains with their own policy
        </h2>
        {overrides.length ? (
          <ul className="list-disc pl-5 text-sm">
            {overrides.map((domain) => (
              <li key={domain.id}>
                <Link href={`/domains/${domain.id}`} className="underline">
                  {domain.hostname}:{domain.port}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            None: every domain follows this policy. A domain's page can override it for that domain.
          </p>
        )}
      </section>
    </div>
  );
}
