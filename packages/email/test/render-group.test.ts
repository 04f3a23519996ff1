import type { GroupNotice } from "@port443/notice";
import { describe, expect, it } from "vitest";
import { renderGroupEmail } from "../src/index";
import { htmlTag, notice } from "./fixtures";

const domainsUrl = "https://app.port443.test/domains?group=0193-group";

/** A scans-failing group of `count` domains on one address; `recovered` of them recovered. */
function group(count: number, overrides: Partial<GroupNotice> = {}, recovered = 0): GroupNotice {
  return {
    type: "opened",
    allRecovered: false,
    group: {
      id: "0193-group",
      episode: 1,
      kind: "scan_failing",
      severity: "high",
      cause: "address 203.0.113.7",
    },
    occurredAt: "2026-11-26T08:00:00.000Z",
    team: { name: "Acme" },
    domainsUrl,
    domains: Array.from({ length: count }, (_, index) => ({
      hostname: `bh${index + 1}.example.com`,
      port: 443,
      url: `https://app.port443.test/domains/d-${index + 1}`,
      recovered: index < recovered,
      added: false,
    })),
    sample: notice({
      kind: "scan_failing",
      severity: "high",
      title: "Scans of bh1.example.com:443 failing (3 in a row)",
      detail: "connect ECONNREFUSED 203.0.113.7:443",
      certificate: null,
    }),
    ...overrides,
  };
}

describe("renderGroupEmail", () => {
  it("names the group's size, kind and cause in the subject, and what the domains share in the body", async () => {
    const { subject, html, text } = await renderGroupEmail(group(3));
    expect(subject).toBe("[high] 3 domains – scans failing (address 203.0.113.7)");
    for (const part of [html, text]) {
      expect(part).toContain("3 domains share address 203.0.113.7");
      expect(part).toContain("For example: Scans of bh1.example.com:443 failing (3 in a row)");
      expect(part).toContain("connect ECONNREFUSED 203.0.113.7:443");
      for (const index of [1, 2, 3]) expect(part).toContain(`bh${index}.example.com:443`);
    }
    expect(html).toContain(`href="https://app.port443.test/domains/d-2"`);
    expect(text).not.toMatch(htmlTag);
    expect(text).not.toContain("and 0 more");
  });

  it("lists the first fifty domains and links the rest as 'and N more' to the filtered domains list", async () => {
    const { subject, html, text } = await renderGroupEmail(group(60));
    expect(subject).toBe("[high] 60 domains – scans failing (address 203.0.113.7)");
    expect(text).toContain("bh50.example.com:443");
    expect(text).not.toContain("bh51.example.com");
    expect(text).toContain(`and 10 more ${domainsUrl}`);
    expect(html).toContain(`href="${domainsUrl.replace("&", "&amp;")}"`);
  });

  it("says how many domains joined an open group, and marks them new", async () => {
    const more = group(5, { type: "more" });
    more.domains = more.domains.map((domain, index) => ({ ...domain, added: index < 2 }));
    const { subject, text } = await renderGroupEmail(more);
    expect(subject).toBe("[high] 2 more domains – scans failing (address 203.0.113.7)");
    expect(text).toContain("bh1.example.com:443 https://app.port443.test/domains/d-1 – new");
    expect(text).toContain("bh3.example.com:443 https://app.port443.test/domains/d-3\n");
  });

  it("counts recoveries, '12 of 16 domains recovered', then 'all 16 domains recovered' without the fix", async () => {
    const some = await renderGroupEmail(group(16, { type: "recovered" }, 12));
    expect(some.subject).toBe("[high] 12 of 16 domains recovered – scans failing (address 203.0.113.7)");
    expect(some.text).toContain("bh12.example.com:443 https://app.port443.test/domains/d-12 – recovered");
    expect(some.text).toContain("bh13.example.com:443 https://app.port443.test/domains/d-13\n");
    const all = await renderGroupEmail(group(16, { type: "recovered", allRecovered: true }, 16));
    expect(all.subject).toBe("[resolved] all 16 domains recovered – scans failing (address 203.0.113.7)");
    expect(all.text).toContain("All 16 domains recovered share address 203.0.113.7");
    expect(some.text).toContain("What it usually means");
    expect(all.text).not.toContain("What it usually means");
  });

  it("tags a reminder as one and refuses a notice that breaks the schema", async () => {
    expect((await renderGroupEmail(group(4, { type: "reminder" }))).subject).toBe(
      "[reminder] still 4 domains – scans failing (address 203.0.113.7)",
    );
    await expect(renderGroupEmail({ ...group(2), domainsUrl: "javascript:alert(1)" })).rejects.toThrow();
  });
});
