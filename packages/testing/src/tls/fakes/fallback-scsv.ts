import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { rsaServerFlight } from "./server-flight";

const TLS_FALLBACK_SCSV = 0x5600;

/**
 * A server that ignores TLS_FALLBACK_SCSV, as OpenSSL before 1.0.1j did: a downgraded retry is
 * answered as if it were a first attempt. Hellos without the SCSV go to the real server.
 */
export function startNoFallbackScsvFake(
  upstreamPort: number,
  certificates: Buffer[],
): Promise<InterceptingFake> {
  return startInterceptingFake(upstreamPort, (hello, connection) => {
    if (!hello.cipherSuites.includes(TLS_FALLBACK_SCSV)) return "pass";
    const suite = hello.cipherSuites.find((code) => code !== TLS_FALLBACK_SCSV)!;
    connection.send(rsaServerFlight({ version: hello.version, cipherSuite: suite }, certificates));
    return { mode: "take" };
  });
}
