import {
  createChain,
  Extension,
  encodeRecord,
  type IssuedCert,
  RecordType,
  serverHelloDoneMessage,
  serverHelloMessage,
  startHeartbleedFake,
  startInterceptingFake,
  startRawServer,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProtocolId } from "../../src/protocols";
import { heartbleed } from "../../src/vuln/heartbleed";
import type { VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

const TIMEOUT_MS = 500;

/**
 * What enumeration finds on the real server below: TLS 1.2, and (its key being ECDSA) no RSA
 * suite. The fakes only take hellos offering an RSA suite, so they see the probe's common ones.
 */
const context: VulnContext = {
  protocols: accepting("tls1_2"),
  ciphers: { tls1_2: ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"] },
};

const run = (port: number) => heartbleed.run(loopback(port, TIMEOUT_MS), context);

/** A real Node TLS 1.2 server: OpenSSL 3, built without heartbeats. */
const realServer = () =>
  serve(startTlsServer({ chain: [chain.leaf, chain.intermediate], maxVersion: "TLSv1.2", noHttp: true }));

/** A ServerHello choosing TLS_RSA_WITH_AES_128_CBC_SHA and taking the heartbeat extension up. */
const heartbeatHello = (version: number) =>
  serverHelloMessage({ version, cipherSuite: 0x002f, extensions: [[Extension.heartbeat, Buffer.of(1)]] });

/** That ServerHello and a ServerHelloDone: the probe does not look at certificates. */
const heartbeatFlight = (version: number) =>
  encodeRecord(
    RecordType.handshake,
    Buffer.concat([heartbeatHello(version), serverHelloDoneMessage()]),
    version,
  );

const timed = async <T>(work: Promise<T>): Promise<[T, number]> => {
  const started = Date.now();
  const result = await work;
  return [result, Date.now() - started];
};

describe("Heartbleed (CVE-2014-0160)", () => {
  it("applies while any of TLS 1.0–1.2 is supported", () => {
    const only = (protocol: ProtocolId): VulnContext => ({ protocols: accepting(protocol), ciphers: {} });
    expect(heartbleed.applies(only("tls1_0"))).toBe(true);
    expect(heartbleed.applies(only("tls1_2"))).toBe(true);
    expect(heartbleed.applies(only("tls1_3"))).toBe(false);
    expect(heartbleed.applies(only("sslv3"))).toBe(false);
  });

  it("a server answering the overlong request from memory is vulnerable, with the bytes counted", async () => {
    const real = await realServer();
    const fake = await serve(
      startHeartbleedFake({ upstreamPort: real.port, certificates: [chain.leaf.der], vulnerable: true }),
    );
    expect(await run(fake.port)).toEqual({
      status: "vulnerable",
      detail:
        "Sent a heartbeat request claiming 16384 bytes of payload and carrying none: the server answered with 16365 bytes, read from its memory.",
    });
    expect(fake.taken).toBe(1);
    expect(real.connections).toBe(0);
  });

  it("its patched twin takes heartbeats up but drops the overlong request: ok after a bounded wait", async () => {
    const real = await realServer();
    const fake = await serve(
      startHeartbleedFake({ upstreamPort: real.port, certificates: [chain.leaf.der], vulnerable: false }),
    );
    const [outcome, elapsed] = await timed(run(fake.port));
    expect(outcome).toEqual({
      status: "ok",
      detail:
        "Sent a heartbeat request claiming 16384 bytes of payload and carrying none: the server answered with silence, no memory.",
    });
    expect(fake.taken).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it("OpenSSL 3 does not take the heartbeat extension up: not applicable, no request sent", async () => {
    const real = await realServer();
    expect(await run(real.port)).toEqual({
      status: "not_applicable",
      detail: "A TLS 1.2 hello offering heartbeats: the server does not take the heartbeat extension up.",
    });
  });

  it("an empty heartbeat response carries no memory: ok", async () => {
    const real = await realServer();
    const fake = await serve(
      startInterceptingFake(real.port, (_hello, connection) => {
        const version = 0x0303;
        connection.send(heartbeatFlight(version));
        return {
          mode: "take",
          onRecord(record) {
            if (record.type === RecordType.heartbeat)
              connection.send(
                encodeRecord(
                  RecordType.heartbeat,
                  Buffer.concat([Buffer.of(2, 0, 0), Buffer.alloc(16)]),
                  version,
                ),
              );
            return "handled";
          },
        };
      }),
    );
    expect(await run(fake.port)).toEqual({
      status: "ok",
      detail:
        "Sent a heartbeat request claiming 16384 bytes of payload and carrying none: the server answered with an empty heartbeat response.",
    });
  });

  it("a server closing after a ServerHello that takes heartbeats up is incomplete, not ok", async () => {
    const real = await realServer();
    const fake = await serve(
      startInterceptingFake(real.port, (_hello, connection) => {
        connection.send(encodeRecord(RecordType.handshake, heartbeatHello(0x0303), 0x0303));
        connection.close();
        return { mode: "take" };
      }),
    );
    expect(await run(fake.port)).toEqual({
      status: "incomplete",
      reason:
        "a TLS 1.2 hello offering heartbeats got a ServerHello taking them up, then the connection closed before ServerHelloDone",
    });
  });

  it("a silent server leaves it incomplete within the time bound", async () => {
    const silent = await serve(startRawServer("silent"));
    const [outcome, elapsed] = await timed(run(silent.port));
    expect(outcome).toEqual({
      status: "incomplete",
      reason: "a TLS 1.2 hello offering heartbeats got silence",
    });
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
  });

  it("a closed port leaves it incomplete", async () => {
    const gone = await serve(startRawServer("silent"));
    await gone.close();
    expect(await run(gone.port)).toEqual({
      status: "incomplete",
      reason: "could not connect (ECONNREFUSED)",
    });
  });
});
