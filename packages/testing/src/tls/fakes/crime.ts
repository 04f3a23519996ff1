import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { rsaServerFlight } from "./server-flight";

const DEFLATE = 1;

/**
 * A server with TLS compression on, as OpenSSL before 1.1.0 had by default: hellos offering
 * DEFLATE get it chosen; every other hello goes to the real server behind.
 */
export function startCrimeFake(upstreamPort: number, certificates: Buffer[]): Promise<InterceptingFake> {
  return startInterceptingFake(upstreamPort, (hello, connection) => {
    if (!hello.compressionMethods.includes(DEFLATE)) return "pass";
    connection.send(
      rsaServerFlight(
        {
          version: Math.min(hello.version, 0x0303),
          cipherSuite: hello.cipherSuites[0]!,
          compressionMethod: DEFLATE,
        },
        certificates,
      ),
    );
    return { mode: "take" };
  });
}
