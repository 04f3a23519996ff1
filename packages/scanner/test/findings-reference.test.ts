import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleCatalog } from "../src/rules/catalog";

describe("docs/findings.md", () => {
  it("lists every rule of the catalog with its severity and title, and nothing else", () => {
    const page = readFileSync(new URL("../../../docs/findings.md", import.meta.url), "utf8");
    const listed = [...page.matchAll(/^\| `([a-z0-9_.]+)`\s*\| (\w+)\s*\| (.+?)\s*\|$/gm)].map(
      ([, id, severity, title]) => [id, severity, title],
    );
    expect(listed).toEqual(Object.entries(ruleCatalog).map(([id, rule]) => [id, rule.severity, rule.title]));
  });
});
