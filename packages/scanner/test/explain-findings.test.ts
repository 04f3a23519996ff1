import { describe, expect, it } from "vitest";
import { explainFindings, ruleCatalog } from "../src";

describe("explainFindings", () => {
  it("puts the worst first and adds each rule's title and fix, keeping the stored fields", () => {
    const explained = explainFindings([
      { id: "f1", ruleId: "ocsp.no_stapling", severity: "info", detail: "" },
      { id: "f2", ruleId: "cert.expiring_soon", severity: "high", detail: "in 10 days" },
      { id: "f3", ruleId: "rule.from_an_older_release", severity: "medium", detail: "" },
    ]);
    expect(explained.map((finding) => finding.id)).toEqual(["f2", "f3", "f1"]);
    expect(explained[0]).toMatchObject({
      detail: "in 10 days",
      title: ruleCatalog["cert.expiring_soon"].title,
      remediation: ruleCatalog["cert.expiring_soon"].remediation,
    });
    // A rule the catalog no longer has is still shown, by its id, with no made-up fix.
    expect(explained[1]).toMatchObject({ title: "rule.from_an_older_release", remediation: "" });
  });
});
