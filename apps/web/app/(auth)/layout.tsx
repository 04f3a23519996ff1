import Link from "next/link";
import type { ReactNode } from "react";

/** Sign-up, sign-in and their emails' landing pages: one narrow card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-950">
      <Link href="/" className="mb-8 font-mono text-xl font-semibold tracking-tight">
        <span className="text-brand-600">:</span>443
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {children}
      </div>
    </main>
  );
}
