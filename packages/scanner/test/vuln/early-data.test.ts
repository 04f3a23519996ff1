import { createChain, type IssuedCert, startOpensslServer, startTlsServer } from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { earlyData } from "../../src/vuln/early-data";
import { parseSslSession } from "../../src/vuln/session-der";
import type { VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

const context = (tls1_3: boolean): VulnContext => ({
  protocols: tls1_3 ? accepting("tls1_2", "tls1_3") : accepting("tls1_2"),
  ciphers: {},
});

const run = (port: number, timeoutMs = 2_000) => earlyData.run(loopback(port, timeoutMs), context(true));

/** openssl s_server -tls1_3 with `flags`, stopped whatever the test's outcome. */
async function withOpenssl<T>(flags: string[], test: (port: number) => Promise<T>): Promise<T> {
  const server = await startOpensslServer([chain.leaf, chain.intermediate], ["-tls1_3", ...flags]);
  try {
    return await test(server.port);
  } finally {
    await server.close();
  }
}

describe("TLS 1.3 early data (0-RTT)", () => {
  it("openssl s_server -early_data issues tickets allowing 16384 bytes of it: vulnerable", async () => {
    expect(await withOpenssl(["-early_data"], (port) => run(port))).toEqual({
      status: "vulnerable",
      detail:
        "Completed a TLS 1.3 handshake and read the session tickets that followed: they accept 0-RTT early data (up to 16384 bytes), requests that can be replayed.",
    });
  });

  it("without -early_data its tickets allow none: ok", async () => {
    expect(await withOpenssl([], (port) => run(port))).toEqual({
      status: "ok",
      detail: expect.stringMatching(
        /^Completed a TLS 1\.3 handshake and read the session tickets that followed: none of the [12] allows early data\.$/,
      ),
    });
  });

  it("a Node TLS server's tickets allow none: ok", async () => {
    const served = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate] }));
    expect(await run(served.port)).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("allows early data"),
    });
  });

  it("a server issuing no tickets (-num_tickets 0) offers no resumption, hence no 0-RTT: ok after the bounded wait", async () => {
    const started = Date.now();
    expect(await withOpenssl(["-num_tickets", "0"], (port) => run(port, 500))).toEqual({
      status: "ok",
      detail: expect.stringContaining("none came within 500 ms"),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reads the ticket and max_early_data of an SSL_SESSION, and refuses a malformed one", () => {
    const tlv = (tag: number, ...content: Buffer[]) => {
      const body = Buffer.concat(content);
      return Buffer.concat([Buffer.of(tag, body.length), body]);
    };
    const session = (maxEarlyData: Buffer) =>
      tlv(
        0x30,
        tlv(0x02, Buffer.of(1)),
        tlv(0x02, Buffer.of(0x03, 0x04)),
        tlv(0x04, Buffer.of(0x13, 0x02)),
        tlv(0x04),
        tlv(0x04),
        tlv(0xaa, tlv(0x04, Buffer.from("ticket"))),
        tlv(0xaf, tlv(0x02, maxEarlyData)),
      );
    const good = session(Buffer.of(0x40, 0x00));
    expect(parseSslSession(good)).toEqual({
      ok: true,
      value: { cipherSuite: 0x1302, ticket: Buffer.from("ticket"), maxEarlyData: 16384 },
    });
    expect(parseSslSession(good.subarray(0, good.length - 1))).toMatchObject({ ok: false });
    expect(parseSslSession(session(Buffer.alloc(6, 0xff)))).toMatchObject({ ok: false });
  });

  it("is probed only where TLS 1.3 is accepted", () => {
    expect(earlyData.applies(context(true))).toBe(true);
    expect(earlyData.applies(context(false))).toBe(false);
  });

  it("a server that is gone leaves it incomplete, not ok", async () => {
    const gone = await serve(startTlsServer({ chain: [chain.leaf], noHttp: true }));
    await gone.close();
    expect(await run(gone.port)).toMatchObject({
      status: "incomplete",
      reason: expect.stringContaining("could not complete a TLS 1.3 handshake"),
    });
  });
});
