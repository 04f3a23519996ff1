import type { Metadata } from "next";
import { AddDomainsForm } from "./add-domains-form";

export const metadata: Metadata = { title: "Add domains" };

export default function NewDomainsPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Add domains</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A single domain is scanned right away; a list is scanned within a minute. Internationalized names are
        stored in their ASCII (punycode) form.
      </p>
      <AddDomainsForm />
    </div>
  );
}
