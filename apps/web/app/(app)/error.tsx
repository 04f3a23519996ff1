"use client";
import { ErrorMessage } from "@/components/error-message";

/** A page that failed on the server: say so, keep the frame, offer a retry. */
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
      <ErrorMessage title="This page could not be loaded" digest={error.digest} reset={reset} />
    </div>
  );
}
