import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "./paths";

/** Nearest-rank percentile. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** A Markdown table (first row the header), columns padded to their widest cell as biome formats docs. */
export function markdownTable([header, ...rows]: string[][]): string {
  const widths = header!.map((_, column) =>
    Math.max(3, ...[header!, ...rows].map((cells) => cells[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header!), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/**
 * Replaces the benchmark's own section of docs/benchmarks.md (between its markers), or appends
 * it under `heading` the first time; each `pnpm bench:*` script owns one section.
 */
export async function writeBenchmarkSection(key: string, heading: string, body: string) {
  const docs = path.join(repoRoot, "docs/benchmarks.md");
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const current = await readFile(docs, "utf8").catch(() => "# Benchmarks\n");
  const section = `${start}\n${body}\n${end}`;
  await writeFile(
    docs,
    current.includes(start)
      ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), section)
      : `${current.trimEnd()}\n\n## ${heading}\n\n${section}\n`,
  );
}
