"use client";
import { Button } from "@/components/ui/button";

/** A page that failed on the server: say so, keep the frame, offer a retry. Details are in the server log. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="max-w-xl space-y-4 rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950"
    >
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="text-sm">
        Something went wrong on our side. Try again; if it keeps failing, quote this reference:{" "}
        {error.digest ?? "n/a"}.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
