import { type OpenHandshake, openHandshake } from "../handshake";
import { speaksHttp1 } from "../handshake-hsts";
import { fetchHttpHeaders } from "../hsts";
import { toScanFailure } from "../net/scan-error";
import type { Read, ReadFailure, ReadTarget } from "./read";

/** A real TLS handshake (what Node's OpenSSL negotiates, TLS 1.3 included), left open for HTTP. */
export async function openRead(target: ReadTarget): Promise<OpenHandshake | ReadFailure> {
  try {
    return await openHandshake({
      address: target.address,
      port: target.port,
      servername: target.servername,
      timeoutMs: target.remaining(),
      signal: target.signal,
    });
  } catch (error) {
    const failure = toScanFailure(error);
    return { failure, reachable: failure.code !== "connection_refused" };
  }
}

/**
 * The handshake's read: with Strict-Transport-Security from `GET /` on that same connection when
 * it negotiated HTTP/1.1 or no ALPN (free: no connection of its own); after h2, not read.
 */
export async function finishRead(opened: OpenHandshake, target: ReadTarget): Promise<Read> {
  const { result, socket } = opened;
  if (!speaksHttp1(result.negotiated.alpn)) {
    socket.destroy();
    return { ...result, http: undefined };
  }
  const http = await fetchHttpHeaders({
    address: target.address,
    port: target.port,
    servername: target.servername,
    host: target.host,
    timeoutMs: target.remaining(),
    signal: target.signal,
    socket,
  });
  return { ...result, http };
}

/** The handshake's read without HTTP, its connection closed. */
export function closeRead(opened: OpenHandshake): Read {
  opened.socket.destroy();
  return { ...opened.result, http: undefined };
}
