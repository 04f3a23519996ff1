import { createChain } from "@port443/testing";
import { describe, expect, it } from "vitest";
import { parseCertificates } from "../src/certificate";

const BEGIN = "-----BEGIN CERTIFICATE-----";
const END = "-----END CERTIFICATE-----";
const PASTE_BYTES = 256 * 1024;
const fill = (unit: string) => unit.repeat(Math.floor(PASTE_BYTES / unit.length));

/** Milliseconds `run` takes. */
function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("parseCertificates", () => {
  it("reads every block of a bundle, ignoring text around and between them", async () => {
    const { root, intermediate, leaf } = await createChain();
    const bundle = `Root\n${root.pem}\nsome comment\n${intermediate.pem.replaceAll("\n", "\r\n")}trailing`;
    expect(parseCertificates(bundle).map((cert) => cert.fingerprint)).toEqual(
      [root, intermediate].map((cert) => parseCertificates(cert.der)[0]?.fingerprint),
    );
    // A BEGIN line repeated inside a block is not part of it.
    expect(parseCertificates(`${BEGIN}\n${leaf.pem}`)).toHaveLength(1);
    expect(parseCertificates(leaf.der)[0]?.info(new Date()).subject).toBe("CN=leaf.test");
    expect(parseCertificates("no certificate here")).toEqual([]);
  });

  it.each([
    ["BEGIN lines", fill(`${BEGIN}\n`)],
    ["BEGIN markers without newlines", fill(BEGIN)],
    ["BEGIN lines, then one END", `${fill(`${BEGIN}\n`).slice(0, -100)}${END}`],
    ["dash runs inside a block", `${BEGIN}${fill("-----A-").slice(0, -100)}${END}`],
  ])("reads a 256 KB paste of %s in linear time", (_, paste) => {
    expect(paste.length).toBeLessThanOrEqual(PASTE_BYTES);
    // The regex it replaces took over a second on the first of these; linear takes a few ms.
    const ms = timed(() => {
      try {
        parseCertificates(paste);
      } catch {
        // refusing the paste is as good as reading it, as long as it is quick
      }
    });
    expect(ms).toBeLessThan(500);
  });
});
