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

const HEARTBEAT_RESPONSE = 2;
/** What one answer leaks at most, as the real bug: a 16 KB record's worth. */
const MAX_LEAK = 0x4000 - 19;

/**
 * OpenSSL with heartbeats on: hellos that offer the heartbeat extension are answered here (with it
 * taken up), everything else by the real server. A heartbeat request is answered with as many
 * bytes as its payload length claims (vulnerable) or dropped silently, as RFC 6520 §4 says of a
 * request whose claimed length exceeds the record (patched).
 */
export function startHeartbleedFake(spec: HeartbleedFakeSpec): Promise<InterceptingFake> {
  return startInterceptingFake(spec.upstreamPort, (hello, connection) => {
    if (!hello.extensions.has(Extension.heartbeat)) return "pass";
    const version = Math.min(hello.version, 0x0303);
    connection.send(
      rsaServerFlight(
        {
          version,
          cipherSuite: hello.cipherSuites[0]!,
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
        if (record.type !== RecordType.heartbeat || !spec.vulnerable || record.body.length < 3)
          return "handled";
        const claimed = Math.min(record.body.readUInt16BE(1), MAX_LEAK);
        const answer = Buffer.concat([
          Buffer.of(HEARTBEAT_RESPONSE, claimed >> 8, claimed & 0xff),
          randomBytes(claimed + 16),
        ]);
        connection.send(encodeRecord(RecordType.heartbeat, answer, version));
        return "handled";
      },
    };
  });
}
