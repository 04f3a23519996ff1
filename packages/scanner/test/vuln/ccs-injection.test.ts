import {
  alertRecord,
  createChain,
  type IssuedCert,
  RecordType,
  startCcsInjectionFake,
  startInterceptingFake,
  startRawServer,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ccsInjection } from "../../src/vuln/ccs-injection";
import type { VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

const TIMEOUT_MS = 500;
const INTERNAL_ERROR = 80;

/** What enumeration finds on the real server below. */
const context: VulnContext = {
  protocols: accepting("tls1_2"),
  ciphers: { tls1_2: ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"] },
};

const run = (port: number) => ccsInjection.run(loopback(port, TIMEOUT_MS), context);

/** A real Node TLS 1.2 server: OpenSSL 3, long patched. */
const realServer = () =>
  serve(startTlsServer({ chain: [chain.leaf, chain.intermediate], maxVersion: "TLSv1.2", noHttp: true }));

/**
 * The real server's handshake, then each ChangeCipherSpec answered by `answer` (its count from 1;
 * undefined says nothing), the real server cut off: for answers neither OpenSSL gives.
 */
const answeringCcs = (upstreamPort: number, answer: (count: number) => Buffer | undefined) =>
  startInterceptingFake(upstreamPort, () => {
    let count = 0;
    return {
      mode: "pass",
      onRecord(record, connection) {
        if (record.type !== RecordType.changeCipherSpec) return "forward";
        connection.detach();
        const reply = answer(++count);
        if (reply) connection.send(reply);
        return "handled";
      },
    };
  });

const timed = async <T>(work: Promise<T>): Promise<[T, number]> => {
  const started = Date.now();
  const result = await work;
  return [result, Date.now() - started];
};

const sent = "Sent a ChangeCipherSpec right after the server's TLS 1.2 hello";

describe("CCS injection (CVE-2014-0224)", () => {
  it("applies while any of TLS 1.0–1.2 is supported", () => {
    const protocols = {
      sslv2: false,
      sslv3: true,
      tls1_0: false,
      tls1_1: false,
      tls1_2: false,
      tls1_3: true,
    };
    expect(ccsInjection.applies({ protocols, ciphers: {} })).toBe(false);
    expect(ccsInjection.applies({ protocols: { ...protocols, tls1_1: true }, ciphers: {} })).toBe(true);
  });

  it("OpenSSL 3 refuses the early ChangeCipherSpec with unexpected_message: ok", async () => {
    const real = await realServer();
    expect(await run(real.port)).toEqual({
      status: "ok",
      detail: `${sent}: the server refused it with alert unexpected_message.`,
    });
  });

  it("a server that takes the early CCS and fails the next record with bad_record_mac is vulnerable", async () => {
    const real = await realServer();
    const fake = await serve(startCcsInjectionFake(real.port, true));
    expect(await run(fake.port)).toEqual({
      status: "vulnerable",
      detail: `${sent}, then another: the server took the first and failed to decrypt the second with bad_record_mac, so it had switched to keys derived before any key exchange.`,
    });
    // The handshake up to ServerHelloDone was the real server's.
    expect(real.connections).toBe(1);
  });

  it("its patched twin refuses the early CCS: ok", async () => {
    const real = await realServer();
    const fake = await serve(startCcsInjectionFake(real.port, false));
    expect(await run(fake.port)).toEqual({
      status: "ok",
      detail: `${sent}: the server refused it with alert unexpected_message.`,
    });
  });

  it("decryption_failed to the second CCS is vulnerable too", async () => {
    const real = await realServer();
    const fake = await serve(answeringCcs(real.port, (count) => (count === 2 ? alertRecord(21) : undefined)));
    expect(await run(fake.port)).toMatchObject({
      status: "vulnerable",
      detail: expect.stringContaining("failed to decrypt the second with decryption_failed"),
    });
  });

  it("silence to both, as testssl.sh reads it, is ok; within the two waits", async () => {
    const real = await realServer();
    const fake = await serve(answeringCcs(real.port, () => undefined));
    const [outcome, elapsed] = await timed(run(fake.port));
    expect(outcome).toEqual({
      status: "ok",
      detail: `${sent}, then another: the server answered with silence, no decryption failure.`,
    });
    expect(elapsed).toBeLessThan(2 * TIMEOUT_MS + 500);
  });

  it("an alert that tells neither way, to the first or the second CCS, is incomplete", async () => {
    const real = await realServer();
    const toFirst = await serve(answeringCcs(real.port, () => alertRecord(INTERNAL_ERROR)));
    expect(await run(toFirst.port)).toEqual({
      status: "incomplete",
      reason:
        "sent a ChangeCipherSpec right after the server's TLS 1.2 hello; it answered with alert internal_error, which tells neither way",
    });
    const toSecond = await serve(
      answeringCcs(real.port, (count) => (count === 2 ? alertRecord(INTERNAL_ERROR) : undefined)),
    );
    expect(await run(toSecond.port)).toMatchObject({
      status: "incomplete",
      reason: expect.stringContaining("then another; it answered with alert internal_error"),
    });
  });

  it("a silent server leaves it incomplete within the time bound", async () => {
    const silent = await serve(startRawServer("silent"));
    const [outcome, elapsed] = await timed(run(silent.port));
    expect(outcome).toEqual({
      status: "incomplete",
      reason: "a TLS 1.2 hello got silence before ServerHelloDone",
    });
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
  });
});
