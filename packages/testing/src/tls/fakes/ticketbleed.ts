import { randomBytes } from "node:crypto";
import { Extension } from "./client-hello";
import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { encodeRecord, RecordType } from "./records";
import { serverHelloMessage } from "./server-flight";

const FULL_SESSION_ID = 32;

export interface TicketbleedFakeSpec {
  /** The real TLS server whose tickets the probe resumes with. */
  upstreamPort: number;
  /** Pads a short session id with fresh random bytes (F5 before the fix) or echoes it as sent. */
  vulnerable: boolean;
}

/**
 * A server in front of a real one, so the tickets it issues are real: only a resumption (a
 * non-empty session ticket) with a session id under 32 bytes is answered here, the way a server
 * accepting the ticket does (ServerHello echoing the id, ChangeCipherSpec; no Finished, which
 * would need the session's keys). Vulnerable, it echoes 32 bytes, as CVE-2016-9244 did.
 */
export function startTicketbleedFake({
  upstreamPort,
  vulnerable,
}: TicketbleedFakeSpec): Promise<InterceptingFake> {
  return startInterceptingFake(upstreamPort, (hello, connection) => {
    const ticket = hello.extensions.get(Extension.sessionTicket);
    if (!ticket?.length || hello.sessionId.length >= FULL_SESSION_ID) return "pass";
    const sessionId = vulnerable
      ? Buffer.concat([hello.sessionId, randomBytes(FULL_SESSION_ID - hello.sessionId.length)])
      : hello.sessionId;
    const version = Math.min(hello.version, 0x0303);
    connection.send(
      Buffer.concat([
        encodeRecord(
          RecordType.handshake,
          serverHelloMessage({ version, cipherSuite: hello.cipherSuites[0]!, sessionId }),
          version,
        ),
        encodeRecord(RecordType.changeCipherSpec, Buffer.of(1), version),
      ]),
    );
    connection.close();
    return { mode: "take" };
  });
}
