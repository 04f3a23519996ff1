import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

/** Any address the app does not know: say so plainly and offer the way back. */
export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="font-mono text-5xl font-semibold">
        <span className="text-brand-600">4</span>04
      </p>
      <h1 className="text-xl font-semibold">This page does not exist</h1>
      <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
        The link may be old or mistyped. Your domains and alerts are on the dashboard.
      </p>
      <Button asChild>
        <Link href="/overview">Go to the dashboard</Link>
      </Button>
    </main>
  );
}
