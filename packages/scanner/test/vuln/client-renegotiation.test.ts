import { createChain, type IssuedCert, startOpensslServer, startTlsServer } from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { clientRenegotiation } from "../../src/vuln/client-renegotiation";
import type { VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

const context = (tls1_2: boolean): VulnContext => ({
  protocols: tls1_2 ? accepting("tls1_2", "tls1_3") : accepting("tls1_3"),
  ciphers: {},
});

const run = (port: number) => clientRenegotiation.run(loopback(port, 2_000), context(true));

/** openssl s_server with `flags`, stopped whatever the test's outcome. */
async function withOpenssl<T>(flags: string[], test: (port: number) => Promise<T>): Promise<T> {
  const server = await startOpensslServer([chain.leaf, chain.intermediate], flags);
  try {
    return await test(server.port);
  } finally {
    await server.close();
  }
}

describe("client-initiated renegotiation", () => {
  it("openssl s_server -client_renegotiation accepts them without limit: vulnerable", async () => {
    const outcome = await withOpenssl(["-client_renegotiation"], run);
    expect(outcome).toEqual({
      status: "vulnerable",
      detail:
        "Sent 4 client-initiated renegotiations on a TLS 1.2 connection: the server completed every one, a lever for denial of service.",
    });
  });

  it("OpenSSL 3's s_server refuses it by default (alert no_renegotiation): ok", async () => {
    const outcome = await withOpenssl([], run);
    expect(outcome).toEqual({
      status: "ok",
      detail: expect.stringContaining(
        "the server refused the first (the connection failed with ERR_SSL_NO_RENEGOTIATION)",
      ),
    });
  });

  it("a Node TLS server allows 3 per connection in 10 minutes, then stops answering: limited, so ok, without a long wait", async () => {
    const served = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate] }));
    const started = Date.now();
    expect(await run(served.port)).toMatchObject({
      status: "ok",
      detail: expect.stringMatching(
        /the server allowed 3, then stopped \(no answer to the next within \d+ ms\)/,
      ),
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("is not probed on a TLS 1.3-only server: TLS 1.3 has no renegotiation", () => {
    expect(clientRenegotiation.applies(context(true))).toBe(true);
    expect(clientRenegotiation.applies(context(false))).toBe(false);
  });

  it("a server that is gone leaves it incomplete, not ok", async () => {
    const gone = await serve(startTlsServer({ chain: [chain.leaf], noHttp: true }));
    await gone.close();
    expect(await run(gone.port)).toMatchObject({
      status: "incomplete",
      reason: expect.stringContaining("could not complete a handshake"),
    });
  });
});
