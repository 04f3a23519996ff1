import { type HandshakeOptions, type HandshakeResult, openHandshake } from "./handshake";
import { fetchHttpHeaders, type HttpHeaders, type HttpRequestOptions } from "./hsts";

/** HTTP/1.1 can follow on the handshake's own connection; h2 would need a client of its own. */
export const speaksHttp1 = (alpn: string | null) => alpn === null || alpn === "http/1.1";

export interface HandshakeAndHsts {
  handshake: HandshakeResult | Error;
  http: HttpHeaders | undefined;
}

/**
 * The handshake, then `GET /` (Host: `hstsHost`) for Strict-Transport-Security on the
 * same connection when it negotiated HTTP/1.1 or no ALPN: one full TLS handshake fewer per scan,
 * for the server and for us. After h2 or a failed handshake the request gets a connection of its
 * own, as it always did.
 */
export async function handshakeAndHsts(
  target: HandshakeOptions,
  hstsHost: string,
  timeoutMs: () => number,
): Promise<HandshakeAndHsts> {
  const opened = await openHandshake(target).catch((error: unknown) => error as Error);
  const hsts = (socket?: HttpRequestOptions["socket"]) =>
    fetchHttpHeaders({ ...target, host: hstsHost, timeoutMs: timeoutMs(), socket });
  if (opened instanceof Error) return { handshake: opened, http: await hsts() };
  if (speaksHttp1(opened.result.negotiated.alpn))
    return { handshake: opened.result, http: await hsts(opened.socket) };
  opened.socket.destroy();
  return { handshake: opened.result, http: await hsts() };
}
