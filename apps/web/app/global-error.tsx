"use client";
import { Button } from "@/components/ui/button";
import "./globals.css";

/**
 * The last resort when the root layout itself fails: it replaces the whole document, so it brings
 * its own <html> and styles. Details are in the server log under the reference shown.
 */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-white px-4 text-center font-sans text-slate-900">
        <h1 className="text-xl font-semibold">Port443 could not load this page</h1>
        <p className="max-w-md text-sm text-slate-600">
          Something went wrong on our side. Try again; if it keeps failing, quote this reference:{" "}
          {error.digest ?? "n/a"}.
        </p>
        <Button onClick={reset}>Try again</Button>
      </body>
    </html>
  );
}
