import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme-menu";

/** Sign-up, sign-in, their emails' landing pages, team creation and invitations: one narrow card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-950">
      <div className="absolute top-4 right-4">
        <ThemeToggle />
      </div>
      <Link href="/" className="mb-8 font-mono text-xl font-semibold tracking-tight">
        <span className="text-brand-600">:</span>443
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {children}
      </div>
    </main>
  );
}
