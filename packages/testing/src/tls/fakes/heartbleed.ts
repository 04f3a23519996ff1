import { randomBytes } from "node:crypto";
import { Extension } from "./client-hello";
import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { encodeRecord, RecordType } from "./records";
import { rsaServerFlight } from "./server-flight";

export interface HeartbleedFakeSpec {
  /** The real TLS server every other connection goes to. */
  upstreamPort: number;
  /** DER, leaf first: what the imitated server's Certificate message carries. */
  certificates: Buffer[];
  /** true: OpenSSL 1.0.1f, answering from memory; false: 1.0.1g, dropping the overlong request. */
  vulnerable: boolean;
}

const HEARTBEAT_REQUEST = 1;
const HEARTBEAT_RESPONSE = 2;
/** Header and the least padding RFC 6520 allows, around the payload. */
const RESPONSE_OVERHEAD = 3 + 16;
/** What one answer leaks at most: as much as one 16 KB record holds. */
const MAX_LEAK = 0x4000 - RESPONSE_OVERHEAD;

/**
 * RSA key transport suites, the imitated server's choice: its first flight (ServerHello,
 * Certificate, ServerHelloDone) is then complete without a ServerKeyExchange.
 */
const RSA_SUITES = new Set([
  0x009c, // TLS_RSA_WITH_AES_128_GCM_SHA256
  0x009d, // TLS_RSA_WITH_AES_256_GCM_SHA384
  0x003c, // TLS_RSA_WITH_AES_128_CBC_SHA256
  0x003d, // TLS_RSA_WITH_AES_256_CBC_SHA256
  0x002f, // TLS_RSA_WITH_AES_128_CBC_SHA
  0x0035, // TLS_RSA_WITH_AES_256_CBC_SHA
  0x000a, // TLS_RSA_WITH_3DES_EDE_CBC_SHA
]);

/**
 * OpenSSL 1.0.1 with heartbeats on: hellos that offer the heartbeat extension and an RSA suite are
 * answered here (with the extension taken up), everything else by the real server. A heartbeat
 * request is answered with as many bytes as its payload length claims (vulnerable) or, its claim
 * exceeding the record, dropped silently as RFC 6520 §4 says (patched).
 */
export function startHeartbleedFake(spec: HeartbleedFakeSpec): Promise<InterceptingFake> {
  return startInterceptingFake(spec.upstreamPort, (hello, connection) => {
    const cipherSuite = hello.cipherSuites.find((suite) => RSA_SUITES.has(suite));
    if (!hello.extensions.has(Extension.heartbeat) || cipherSuite === undefined) return "pass";
    const version = Math.min(hello.version, 0x0303);
    connection.send(
      rsaServerFlight(
        {
          version,
          cipherSuite,
          extensions: [
            [Extension.renegotiationInfo, Buffer.of(0)],
            [Extension.heartbeat, Buffer.of(1)],
          ],
        },
        spec.certificates,
      ),
    );
    return {
      mode: "take",
      onRecord(record) {
        const body = record.body;
        // Patched, the overlong request is dropped; the probe sends no well-formed one to answer.
        const request =
          record.type === RecordType.heartbeat && body.length >= 3 && body[0] === HEARTBEAT_REQUEST;
        if (!spec.vulnerable || !request) return "handled";
        const length = Math.min(body.readUInt16BE(1), MAX_LEAK);
        const answer = Buffer.concat([
          Buffer.of(HEARTBEAT_RESPONSE, length >> 8, length & 0xff),
          // The copy runs past the request into whatever the heap holds next: random bytes here.
          randomBytes(length + 16),
        ]);
        connection.send(encodeRecord(RecordType.heartbeat, answer, version));
        return "handled";
      },
    };
  });
}
