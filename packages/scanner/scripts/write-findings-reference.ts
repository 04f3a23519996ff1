// Writes the table of docs/findings.md from the rule catalog (`pnpm --filter @port443/scanner docs:findings`);
// test/findings-reference.test.ts fails until it is run after the catalog changes.
import { readFileSync, writeFileSync } from "node:fs";
import { ruleCatalog } from "../src/rules/catalog";

const file = new URL("../../../docs/findings.md", import.meta.url);
const page = readFileSync(file, "utf8");
const intro = page.slice(0, page.indexOf("| id"));
const rows = Object.entries(ruleCatalog).map(([id, rule]) => [`\`${id}\``, rule.severity, rule.title]);
const table = [["id", "severity", "title"], ...rows];
const widths = table[0]!.map((_, column) => Math.max(3, ...table.map((row) => row[column]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
writeFileSync(
  file,
  `${intro}${[line(table[0]!), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n")}\n`,
);
