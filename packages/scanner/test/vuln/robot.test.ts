import {
  alertRecord,
  createChain,
  type IssuedCert,
  rsaServerFlight,
  startInterceptingFake,
  startLoopbackEndpoint,
  startRawServer,
  startRobotFake,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { enumerate } from "../../src/enumerate";
import { robot } from "../../src/vuln/robot";
import { premasterBlock, premasterFill, robotVariants } from "../../src/vuln/robot-variants";
import type { VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let rsa: { intermediate: IssuedCert; leaf: IssuedCert };
let ecdsaLeaf: IssuedCert;
beforeAll(async () => {
  rsa = await createChain({ leaf: { key: { type: "rsa", bits: 2048 } } });
  ecdsaLeaf = (await createChain()).leaf;
});

/** What enumeration reports for a TLS 1.2 server with AES128-SHA and AES256-SHA. */
const rsaContext: VulnContext = {
  protocols: accepting("tls1_2"),
  ciphers: { tls1_2: ["TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA"] },
};

/** A real Node (OpenSSL 3) server with RSA key transport only. */
const rsaServer = () =>
  serve(
    startTlsServer({
      chain: [rsa.leaf, rsa.intermediate],
      ciphers: "AES128-SHA:AES256-SHA",
      maxVersion: "TLSv1.2",
      noHttp: true,
    }),
  );

// A short timeout keeps the shortened flow's silent waits (two batches of one wait) near a second.
const run = (port: number, context = rsaContext, timeoutMs = 1_000) =>
  robot.run(loopback(port, timeoutMs), context);

describe("ROBOT", () => {
  it("builds each premaster block as long as the modulus, broken only where the variant says", () => {
    const fill = premasterFill(256)!;
    const blocks = Object.fromEntries(
      robotVariants.map(({ id }) => [id, premasterBlock(id, 0x0303, fill)] as const),
    );
    for (const block of Object.values(blocks)) expect(block).toHaveLength(256);
    const zeros = (block: Buffer) => [...block.entries()].filter(([, byte]) => byte === 0).map(([i]) => i);
    expect(zeros(blocks.correct!)).toEqual([0, 207]);
    expect(blocks.correct!.subarray(208, 210)).toEqual(Buffer.of(3, 3));
    expect(blocks.wrong_first_bytes!.subarray(0, 2)).toEqual(Buffer.of(0x41, 0x17));
    expect(zeros(blocks.misplaced_zero!)).toEqual([0, 254]);
    expect(zeros(blocks.missing_zero!)).toEqual([0]);
    expect(blocks.wrong_version!.subarray(207, 210)).toEqual(Buffer.of(0, 2, 2));
    expect(premasterFill(58)).toBeUndefined();
  });

  it("finds the oracle of a server that answers bad padding with decrypt_error, and confirms it", async () => {
    const real = await rsaServer();
    const fake = await serve(
      startRobotFake({ upstreamPort: real.port, keyPem: rsa.leaf.keyPem, vulnerable: true }),
    );
    const outcome = await run(fake.port);
    expect(outcome).toEqual({
      status: "vulnerable",
      detail:
        "TLS 1.2 ClientKeyExchange with correct PKCS#1 padding, with the 00 separator in the wrong place and " +
        "with a wrong premaster version (02 02) got alert bad_record_mac; with wrong first bytes (41 17 for 00 02) " +
        "and with no 00 separator, alert decrypt_error (each followed by ChangeCipherSpec and a garbage Finished, " +
        "the same on a second run): a strong oracle (decrypting or signing with the server's key is practical).",
    });
    // Five variants, then the five again to confirm; the shortened flow was not needed.
    expect(fake.connections).toBe(10);
  });

  it("does not call a difference that does not repeat an oracle", async () => {
    const real = await rsaServer();
    let first = true;
    // Only the very first key exchange gets decrypt_error, whatever its padding: a hiccup, not an oracle.
    const flaky = await serve(
      startInterceptingFake(real.port, () => {
        const hiccup = first;
        first = false;
        if (!hiccup) return "pass";
        return {
          mode: "pass",
          onRecord(record, connection) {
            if (record.type !== 22) return "forward";
            connection.detach();
            connection.send(alertRecord(51));
            connection.close();
            return "handled";
          },
        };
      }),
    );
    expect(await run(flaky.port)).toEqual({
      status: "incomplete",
      reason: expect.stringContaining("the answers differed but did not repeat"),
    });
    expect(flaky.connections).toBe(10);
  });

  it("finds no oracle in OpenSSL 3, directly or through the fake when it is not vulnerable", async () => {
    const real = await rsaServer();
    const context = await enumerate({
      address: "127.0.0.1",
      port: real.port,
      servername: "leaf.test",
      timeoutMs: 5_000,
    });
    expect(context.ciphers.tls1_2).toEqual(expect.arrayContaining(rsaContext.ciphers.tls1_2!));
    expect(robot.applies(context)).toBe(true);
    const patched = await serve(
      startRobotFake({ upstreamPort: real.port, keyPem: rsa.leaf.keyPem, vulnerable: false }),
    );
    const started = Date.now();
    const outcomes = await Promise.all([run(real.port, context), run(patched.port, context)]);
    const detail =
      "All five ClientKeyExchange variants (correct and broken PKCS#1 padding) got alert bad_record_mac when " +
      "followed by ChangeCipherSpec and Finished, and no answer when sent alone.";
    expect(outcomes).toEqual([
      { status: "ok", detail },
      { status: "ok", detail },
    ]);
    // Full flow, then the shortened one: two batches of one-second silences each.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(patched.connections).toBe(10);
  });

  it("is not probed without RSA key transport, as on an ECDSA-only server", async () => {
    const served = await serve(startLoopbackEndpoint(30, { noHttp: true }));
    const context = await enumerate({ address: "127.0.0.1", port: served.port, timeoutMs: 5_000 });
    expect(context.protocols.tls1_2).toBe(true);
    expect(robot.applies(context)).toBe(false);
    expect(robot.applies({ ...rsaContext, protocols: { ...rsaContext.protocols, tls1_2: false } })).toBe(
      false,
    );
  });

  it("is not applicable when a server picks RSA key transport over an ECDSA certificate", async () => {
    const real = await rsaServer();
    const broken = await serve(
      startInterceptingFake(real.port, (hello, connection) => {
        connection.send(
          rsaServerFlight({ version: 0x0303, cipherSuite: hello.cipherSuites[0]! }, [ecdsaLeaf.der]),
        );
        return { mode: "take" };
      }),
    );
    expect(await run(broken.port)).toEqual({
      status: "not_applicable",
      detail: "The certificate's key is EC, not RSA: no RSA key transport.",
    });
  });

  it("is incomplete, quickly, when the server never answers the hello", async () => {
    const silent = await serve(startRawServer("silent"));
    const started = Date.now();
    const outcome = await run(silent.port, rsaContext, 500);
    expect(outcome).toEqual({
      status: "incomplete",
      reason: expect.stringMatching(
        /^probing with TLS 1\.2 ClientKeyExchange variants each followed by ChangeCipherSpec and a garbage Finished: with .+, the handshake stopped before ServerHelloDone: the connection timed out$/,
      ),
    });
    // At most three at once, and the first batch's failure stops the rest from starting.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(silent.connections).toBe(3);
  });
});
