import { isGrease } from "./client-hello";
import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { alertRecord } from "./records";

const HANDSHAKE_FAILURE = 40;

/**
 * A server (or middlebox) that refuses values it does not know, as some did when Chrome began
 * sending GREASE: any GREASE suite or extension gets handshake_failure. Other hellos go through.
 */
export function startGreaseIntolerantFake(upstreamPort: number): Promise<InterceptingFake> {
  return startInterceptingFake(upstreamPort, (hello, connection) => {
    if (!hello.cipherSuites.some(isGrease) && !hello.extensionTypes.some(isGrease)) return "pass";
    connection.send(alertRecord(HANDSHAKE_FAILURE));
    connection.close();
    return { mode: "take" };
  });
}
