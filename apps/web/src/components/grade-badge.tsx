import type { Grade } from "@port443/db";
import { gradeFromDb } from "@port443/monitoring";

/** Colours per grade; every pair meets WCAG AA contrast. */
const tones: Record<string, string> = {
  "A+": "bg-emerald-800 text-white",
  A: "bg-emerald-700 text-white",
  "A-": "bg-green-700 text-white",
  B: "bg-amber-400 text-amber-950",
  C: "bg-orange-700 text-white",
  D: "bg-orange-800 text-white",
  E: "bg-red-700 text-white",
  F: "bg-red-700 text-white",
  T: "bg-red-800 text-white",
  M: "bg-red-800 text-white",
};

export function GradeBadge({ grade, size = "sm" }: { grade: Grade | null; size?: "sm" | "lg" }) {
  const label = grade ? gradeFromDb[grade] : "–";
  const box = size === "lg" ? "h-14 w-14 text-2xl" : "h-7 min-w-9 px-1.5 text-sm";
  return (
    <span
      className={`inline-flex items-center justify-center rounded-md font-semibold ${box} ${grade ? tones[label] : "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}
      title={grade ? `Grade ${label}` : "Not graded yet"}
    >
      {label}
    </span>
  );
}
