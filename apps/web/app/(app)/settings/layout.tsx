import Link from "next/link";
import type { ReactNode } from "react";

const sections = [
  { href: "/settings/members", label: "Members" },
  { href: "/settings/alerts", label: "Alert policy" },
  { href: "/settings/schedule", label: "Monitoring schedule" },
  { href: "/settings/webhooks", label: "Webhooks" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/private-ca", label: "Private CA" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/audit", label: "Audit log" },
] as const;

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Settings" className="flex flex-row flex-wrap gap-2 text-sm md:flex-col">
        {sections.map((section) => (
          <Link
            key={section.href}
            href={section.href}
            className="rounded px-2 py-1 text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            {section.label}
          </Link>
        ))}
      </nav>
      <div>{children}</div>
    </div>
  );
}
