import {
  createChain,
  type IssuedCert,
  startCrimeFake,
  startGreaseIntolerantFake,
  startNoFallbackScsvFake,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { enumerate } from "../../src/enumerate";
import { crime } from "../../src/vuln/crime";
import { fallbackScsv } from "../../src/vuln/fallback-scsv";
import { grease } from "../../src/vuln/grease";
import type { VulnCheck, VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

/** A real Node TLS 1.0–1.3 server, and what enumeration saw of it (the probes' context). */
async function realServer(): Promise<{ port: number; context: VulnContext }> {
  const served = await serve(
    startTlsServer({ chain: [chain.leaf, chain.intermediate], minVersion: "TLSv1", noHttp: true }),
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
  check.run(loopback(port, 2_000), context);

describe("hello probes: CRIME, TLS_FALLBACK_SCSV, GREASE", () => {
  it("CRIME: a server that chooses DEFLATE is vulnerable; OpenSSL 3 behind Node chooses none", async () => {
    const real = await realServer();
    expect(crime.applies(real.context)).toBe(true);
    expect(await run(crime, real.port, real.context)).toMatchObject({ status: "ok" });
    const fake = await serve(startCrimeFake(real.port, [chain.leaf.der]));
    const outcome = await run(crime, fake.port, real.context);
    expect(outcome).toMatchObject({ status: "vulnerable", detail: expect.stringContaining("chose DEFLATE") });
    expect(fake.taken).toBe(1);
  });

  it("CRIME is not probed on a TLS 1.3-only server, which has no compression", () => {
    expect(
      crime.applies({
        protocols: accepting("tls1_3"),
        ciphers: {},
      }),
    ).toBe(false);
  });

  it("TLS_FALLBACK_SCSV: OpenSSL refuses a downgraded retry; a server ignoring the SCSV completes it", async () => {
    const real = await realServer();
    const patched = await run(fallbackScsv, real.port, real.context);
    expect(patched).toEqual({ status: "ok", detail: expect.stringContaining("inappropriate_fallback") });
    expect(patched.status === "ok" && patched.detail).toContain("TLS 1.2 hello");
    const fake = await serve(startNoFallbackScsvFake(real.port, [chain.leaf.der]));
    expect(await run(fallbackScsv, fake.port, real.context)).toMatchObject({ status: "vulnerable" });
  });

  it("TLS_FALLBACK_SCSV is not probed where only one TLS version is accepted", async () => {
    const served = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], minVersion: "TLSv1.3", noHttp: true }),
    );
    const context = await enumerate({ address: "127.0.0.1", port: served.port, timeoutMs: 5_000 });
    expect(fallbackScsv.applies(context)).toBe(false);
  });

  it("GREASE: OpenSSL ignores the values; a server refusing them, where the plain hello works, is intolerant", async () => {
    const real = await realServer();
    expect(await run(grease, real.port, real.context)).toMatchObject({ status: "ok" });
    const fake = await serve(startGreaseIntolerantFake(real.port));
    const outcome = await run(grease, fake.port, real.context);
    expect(outcome).toMatchObject({
      status: "vulnerable",
      detail: expect.stringContaining(
        "alert handshake_failure, while the same hello without GREASE succeeded",
      ),
    });
    // The plain retry went through to the real server; only the GREASE hello was taken.
    expect(fake.taken).toBe(1);
    expect(fake.connections).toBe(2);
  });

  it("a probe that cannot tell says so: a server gone silent leaves each one incomplete", async () => {
    const real = await realServer();
    const silent = await serve(startTlsServer({ chain: [chain.leaf], noHttp: true }));
    await silent.close();
    for (const check of [crime, fallbackScsv, grease]) {
      expect(await run(check, silent.port, real.context)).toMatchObject({ status: "incomplete" });
    }
  });
});
