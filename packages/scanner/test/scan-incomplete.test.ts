import { createChain, startTlsServer } from "@port443/testing";
import { describe, expect, it } from "vitest";
import type { ClientHello } from "../src/wire/client-hello-parser";
import { capReasons, closedAfterEach, findingIds, scanLocal } from "./support/scan-case.ts";
import { startStallingProxy } from "./support/stalling-proxy.ts";

const serve = closedAfterEach();

/** The enumeration's probe for one protocol: its legacy version, and no supported_versions. */
const probeFor = (legacyVersion: number) => (hello: ClientHello) =>
  hello.format === "tls" && hello.version === legacyVersion && !hello.supportedVersions;

/** A real TLS 1.2/1.3 server (trusted chain, HSTS) behind a front that stalls the hellos `stall` picks. */
async function stalledScan(stall: (hello: ClientHello) => boolean) {
  const { root, intermediate, leaf } = await createChain();
  const real = await serve(
    startTlsServer({ chain: [leaf, intermediate], hsts: "max-age=31536000; includeSubDomains" }),
  );
  const front = await serve(startStallingProxy(real.port, stall));
  return scanLocal(front, { extraCaPems: [root.pem], timeoutMs: 15_000 });
}

describe("steps that did not finish", () => {
  it("lists a stalled protocol probe as incomplete, not as 'not supported', and marks the grade provisional", async () => {
    const report = await stalledScan(probeFor(0x0301)); // TLS 1.0
    expect(report.error).toBeNull();
    expect(report.incomplete).toEqual([
      { step: "protocol.tls1_0", reason: expect.stringContaining("timed out waiting for an answer") },
    ]);
    expect(report.grade).toBe("A+");
    expect(report.gradeProvisional).toBe(true);
  });

  it("never reads a stalled TLS 1.2 probe as 'TLS 1.2 not supported' (no finding, no C cap)", async () => {
    const report = await stalledScan(probeFor(0x0303));
    expect(report.incomplete.map((entry) => entry.step)).toContain("protocol.tls1_2");
    expect(findingIds(report)).not.toContain("protocol.no_tls1_2");
    expect(capReasons(report)).not.toContain("C: TLS 1.2 not supported");
    expect(report.gradeProvisional).toBe(true);
  });

  it("its well-behaved twin, the same front stalling nothing, is complete and final", async () => {
    const report = await stalledScan(() => false);
    expect(report.incomplete).toEqual([]);
    expect(report.gradeProvisional).toBe(false);
    expect(report.grade).toBe("A+");
  });
});
