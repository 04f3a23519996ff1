"use client";
import { ErrorMessage } from "@/components/error-message";
import "./globals.css";

/** The last resort when the root layout itself fails: it replaces the whole document, <html> and all. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="bg-white font-sans text-slate-900">
        <main
          role="alert"
          className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center"
        >
          <ErrorMessage title="Port443 could not load this page" digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
