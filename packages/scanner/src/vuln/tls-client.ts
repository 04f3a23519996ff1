import tls from "node:tls";
import type { TlsProtocolId } from "../wire/client-hello";
import type { VulnTarget } from "./types";

/**
 * Node's own TLS client, for probes that need a whole handshake (keys, Finished, tickets) rather
 * than one raw flight: "legacy" is TLS 1.0–1.2, where tickets are RFC 5077's and renegotiation
 * exists; "tls1_3" is TLS 1.3 alone.
 */
export type TlsRange = "legacy" | "tls1_3";

const ranges: Record<TlsRange, Pick<tls.SecureContextOptions, "minVersion" | "maxVersion">> = {
  legacy: { minVersion: "TLSv1", maxVersion: "TLSv1.2" },
  tls1_3: { minVersion: "TLSv1.3", maxVersion: "TLSv1.3" },
};

/**
 * Every suite at security level 0, so that a server speaking only old suites still completes the
 * handshake the probe is about; no trust store, since nothing here judges the certificate.
 */
const contexts = new Map<TlsRange, tls.SecureContext>();
function contextFor(range: TlsRange): tls.SecureContext {
  let context = contexts.get(range);
  if (!context) {
    context = tls.createSecureContext({ ciphers: "ALL:@SECLEVEL=0", ca: [], ...ranges[range] });
    contexts.set(range, context);
  }
  return context;
}

const protocolByNodeName: Record<string, TlsProtocolId> = {
  TLSv1: "tls1_0",
  "TLSv1.1": "tls1_1",
  "TLSv1.2": "tls1_2",
  "TLSv1.3": "tls1_3",
};

/** A finished handshake, still open; the caller destroys `socket`. */
export interface OpenTls {
  socket: tls.TLSSocket;
  protocol: TlsProtocolId;
  /**
   * The SSL_SESSIONs (DER) the connection has produced, as they arrive: TLS 1.2's during the
   * handshake, TLS 1.3's with each NewSessionTicket after it, so `waitForSessions` bounds the wait.
   */
  waitForSessions(ms: number, enough: (sessions: readonly Buffer[]) => boolean): Promise<Buffer[]>;
}

export type TlsConnect = { ok: true; connection: OpenTls } | { ok: false; reason: string };

/** Connects and completes a handshake within `target.timeoutMs`; failures come back as reasons. */
export function connectTls(target: VulnTarget, range: TlsRange): Promise<TlsConnect> {
  if (target.signal.aborted) return Promise.resolve({ ok: false, reason: "aborted" });
  return new Promise((resolve) => {
    const sessions: Buffer[] = [];
    let closed = false;
    let wake: (() => void) | undefined;
    const socket = tls.connect({
      host: target.address,
      port: target.port,
      servername: target.servername,
      rejectUnauthorized: false,
      secureContext: contextFor(range),
    });
    // Whenever it comes, an abort ends the connection and with it any wait on it.
    const onAbort = () => socket.destroy(new Error("aborted"));
    target.signal.addEventListener("abort", onAbort, { once: true });
    socket.on("session", (session: Buffer) => {
      sessions.push(session);
      wake?.();
    });
    socket.once("close", () => {
      target.signal.removeEventListener("abort", onAbort);
      closed = true;
      wake?.();
    });
    const fail = (reason: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, reason });
    };
    const timer = setTimeout(() => fail(`no TLS handshake within ${target.timeoutMs} ms`), target.timeoutMs);
    const onError = (error: NodeJS.ErrnoException) =>
      fail(`the handshake failed: ${error.code ?? error.message}`);
    const onClose = () => fail("the server closed the connection during the handshake");
    socket.once("error", onError);
    socket.once("close", onClose);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      socket.off("error", onError).off("close", onClose);
      // Later errors end the connection, which the probes see as "close"; unhandled they would throw.
      socket.on("error", () => {});
      const waitForSessions = async (ms: number, enough: (sessions: readonly Buffer[]) => boolean) => {
        const deadline = Date.now() + ms;
        while (!enough(sessions) && !closed && Date.now() < deadline) {
          await new Promise<void>((woken) => {
            const wait = setTimeout(woken, deadline - Date.now());
            wake = () => {
              clearTimeout(wait);
              woken();
            };
          });
          wake = undefined;
        }
        return [...sessions];
      };
      const protocol = protocolByNodeName[socket.getProtocol() ?? ""];
      if (!protocol) return fail(`negotiated ${socket.getProtocol()}, which is not TLS`);
      resolve({ ok: true, connection: { socket, protocol, waitForSessions } });
    });
  });
}
