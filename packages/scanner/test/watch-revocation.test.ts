import { createChain, createCrl, startHttpServer, startTlsServer } from "@port443/testing";
import { describe, expect, it } from "vitest";
import { CrlSource, type CrlStore } from "../src/revocation/crl-source";
import { scan } from "../src/scan";
import { watch } from "../src/watch/watch";
import { closedAfterEach } from "./support/scan-case.ts";

const serve = closedAfterEach();

/** A leaf on its CA's CRL (served locally), behind a TLS endpoint. */
async function revokedLeaf() {
  const routes: Record<string, { body: Buffer; type?: string }> = {};
  const http = await serve(startHttpServer(routes));
  const crlUrl = http.url("/leaf.crl");
  const chain = await createChain({ leaf: { crlUrl } });
  const crl = createCrl({
    issuer: chain.intermediate,
    revoked: [{ cert: chain.leaf, reason: "keyCompromise" }],
  });
  routes["/leaf.crl"] = { body: crl, type: "application/pkix-crl" };
  const tls = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate] }));
  const target = { host: "leaf.test", port: tls.port, extraCaPems: [chain.root.pem], timeoutMs: 10_000 };
  const probe = (crls: CrlSource) => watch({ ...target, addresses: ["127.0.0.1"], crls });
  return { http, crl, crlUrl, target, probe };
}

describe("revocation when cached", () => {
  it("never fetches a CRL, and reads one a deep scan already fetched", async () => {
    const { http, target, probe } = await revokedLeaf();
    const crls = new CrlSource();
    const unheld = await probe(crls);
    expect(http.connections).toBe(0);
    expect(unheld.report.revocation).toEqual({ status: "unknown", source: null, crls: [] });

    const deep = await scan({ ...target, address: "127.0.0.1", crls });
    expect(deep.revocation.status).toBe("revoked");
    const fetched = http.connections;
    const held = await probe(crls);
    expect(http.connections).toBe(fetched);
    expect(crls.fetches).toBe(1);
    expect(held.report.revocation).toMatchObject({ status: "revoked", source: "crl" });
    expect(held.report.revocation.crls[0]).toMatchObject({ outcome: "revoked", cached: true });
    expect(held.report.findings.map((finding) => finding.id)).toContain("cert.revoked");
  });

  it("reads a CRL the fleet's shared store holds, without asking the CA", async () => {
    const { http, crl, crlUrl, probe } = await revokedLeaf();
    const kept = new Map([[crlUrl, crl]]);
    const store: CrlStore = { get: async (url) => kept.get(url), set: async () => {} };
    const crls = new CrlSource(store);
    const { report } = await probe(crls);
    expect(report.revocation).toMatchObject({ status: "revoked", source: "crl" });
    expect(crls.fetches).toBe(0);
    expect(http.connections).toBe(0);
  });
});
