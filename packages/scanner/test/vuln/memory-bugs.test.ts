import {
  createChain,
  type IssuedCert,
  startCcsInjectionFake,
  startHeartbleedFake,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { enumerate } from "../../src/enumerate";
import { ccsInjection } from "../../src/vuln/ccs-injection";
import { heartbleed } from "../../src/vuln/heartbleed";
import type { VulnCheck, VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

/** A real Node TLS 1.2 server (OpenSSL 3: no heartbeats, CCS injection fixed) and its context. */
async function realServer(): Promise<{ port: number; context: VulnContext }> {
  const served = await serve(
    startTlsServer({ chain: [chain.leaf, chain.intermediate], maxVersion: "TLSv1.2", noHttp: true }),
  );
  const context = await enumerate({
    address: "127.0.0.1",
    port: served.port,
    servername: "leaf.test",
    timeoutMs: 5_000,
  });
  return { port: served.port, context };
}

const run = (check: VulnCheck, port: number, context: VulnContext) =>
  check.run(
    {
      address: "127.0.0.1",
      port,
      servername: "leaf.test",
      timeoutMs: 2_000,
      signal: new AbortController().signal,
    },
    context,
  );

describe("Heartbleed", () => {
  it("OpenSSL 3 does not take the heartbeat extension up: nothing to probe", async () => {
    const real = await realServer();
    expect(await run(heartbleed, real.port, real.context)).toEqual({
      status: "not_applicable",
      detail: "A TLS 1.2 hello offering heartbeats: the server does not take the heartbeat extension up.",
    });
  });

  it("a server answering the overlong request from memory is vulnerable", async () => {
    const real = await realServer();
    const fake = await serve(
      startHeartbleedFake({ upstreamPort: real.port, certificates: [chain.leaf.der], vulnerable: true }),
    );
    const outcome = await run(heartbleed, fake.port, real.context);
    expect(outcome).toEqual({
      status: "vulnerable",
      detail: expect.stringMatching(/answered with \d+ bytes, read from its memory/),
    });
    expect(fake.taken).toBe(1);
  });

  it("its patched twin takes heartbeats up but drops the overlong request: ok", async () => {
    const real = await realServer();
    const fake = await serve(
      startHeartbleedFake({ upstreamPort: real.port, certificates: [chain.leaf.der], vulnerable: false }),
    );
    expect(await run(heartbleed, fake.port, real.context)).toEqual({
      status: "ok",
      detail: expect.stringContaining("answered with silence, no memory"),
    });
  });
});

describe("CCS injection", () => {
  it("OpenSSL 3 refuses an early ChangeCipherSpec with unexpected_message: ok", async () => {
    const real = await realServer();
    expect(await run(ccsInjection, real.port, real.context)).toEqual({
      status: "ok",
      detail: expect.stringContaining("refused it with alert unexpected_message"),
    });
  });

  it("a server that takes the early CCS and fails the next record is vulnerable; its patched twin is not", async () => {
    const real = await realServer();
    const vulnerable = await serve(startCcsInjectionFake(real.port, true));
    expect(await run(ccsInjection, vulnerable.port, real.context)).toEqual({
      status: "vulnerable",
      detail: expect.stringContaining("failed to decrypt the second with bad_record_mac"),
    });
    const patched = await serve(startCcsInjectionFake(real.port, false));
    expect(await run(ccsInjection, patched.port, real.context)).toMatchObject({ status: "ok" });
  });
});

it("a server that is gone leaves both incomplete, never ok", async () => {
  const real = await realServer();
  const gone = await serve(startTlsServer({ chain: [chain.leaf], noHttp: true }));
  await gone.close();
  for (const check of [heartbleed, ccsInjection])
    expect(await run(check, gone.port, real.context)).toMatchObject({ status: "incomplete" });
});
