import { isIP } from "node:net";
import tls from "node:tls";
import { ScanFailure, toScanFailure } from "./net/scan-error";
import type { ProtocolId } from "./protocols";
import type { Negotiated } from "./report";
import { MAX_SERVED_CERTIFICATES } from "./scan-limits";

export interface HandshakeOptions {
  address: string;
  port: number;
  servername: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HandshakeResult {
  /** DER as served, leaf first. */
  certificates: Buffer[];
  negotiated: Negotiated;
  ocspResponse: Buffer | null;
}

/** Node's names for the negotiated protocol. */
const nodeProtocols: Record<string, ProtocolId> = {
  SSLv3: "sslv3",
  TLSv1: "tls1_0",
  "TLSv1.1": "tls1_1",
  "TLSv1.2": "tls1_2",
  "TLSv1.3": "tls1_3",
};

/**
 * The served certificates (DER) from the leaf up, each issued by the next. Read through the legacy
 * `getPeerCertificate(true)`: Node 20's `getPeerX509Certificate()` leaks 8–11 KB of native memory
 * per call, which grew a worker's RSS without bound.
 */
function servedChain(socket: tls.TLSSocket): Buffer[] {
  const chain: Buffer[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (
    cert?.raw &&
    chain.length < MAX_SERVED_CERTIFICATES &&
    !chain.some((seen) => seen.equals(cert!.raw))
  ) {
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/**
 * Old protocols and weak suites are allowed so a server that only speaks them still shows its
 * certificate. One context for every connection. Its trust store stays empty (`ca: []`): the
 * scanner verifies chains itself, and with Node's roots loaded `getPeerCertificate(true)` would
 * append a root the server never sent.
 */
let context: tls.SecureContext | undefined;
export function permissiveContext(): tls.SecureContext {
  context ??= tls.createSecureContext({ ciphers: "ALL:@SECLEVEL=0", minVersion: "TLSv1", ca: [] });
  return context;
}

/** A finished handshake whose connection is still open; whoever holds it closes it. */
export interface OpenHandshake {
  result: HandshakeResult;
  socket: tls.TLSSocket;
}

/**
 * One ordinary handshake (SNI, ALPN h2/http1.1, OCSP status requested), accepting whatever the
 * server presents: judging it is the analysis' job. The connection stays open so that a request
 * can follow on it.
 */
export function openHandshake(options: HandshakeOptions): Promise<OpenHandshake> {
  return new Promise((resolve, reject) => {
    let ocspResponse: Buffer | null = null;
    // requestOCSP is passed through to the TLSSocket; @types/node only lists it there.
    const socket = tls.connect(<tls.ConnectionOptions>{
      host: options.address,
      port: options.port,
      servername: isIP(options.servername) ? undefined : options.servername,
      ALPNProtocols: ["h2", "http/1.1"],
      requestOCSP: true,
      rejectUnauthorized: false,
      secureContext: permissiveContext(),
      signal: options.signal,
    });
    const fail = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(toScanFailure(error));
    };
    const timer = setTimeout(
      () => fail(new ScanFailure("timeout", `no TLS handshake within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    // Emitted with null when the server staples nothing.
    socket.once("OCSPResponse", (response: Buffer | null) => {
      ocspResponse = response?.length ? response : null;
    });
    // Stays attached after the handshake: an error on the open connection then only closes it.
    socket.on("error", fail);
    socket.once("close", () =>
      fail(new ScanFailure("tls_handshake_failed", "the server closed the connection during the handshake")),
    );
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("close");
      const key = socket.getEphemeralKeyInfo();
      const group =
        key && "name" in key && key.name
          ? key.name
          : key && "size" in key && key.type === "DH"
            ? `DH ${key.size}`
            : null;
      const result: HandshakeResult = {
        certificates: servedChain(socket),
        negotiated: {
          protocol: nodeProtocols[socket.getProtocol() ?? ""] ?? null,
          cipher: socket.getCipher()?.standardName ?? null,
          group,
          alpn: socket.alpnProtocol || null,
        },
        ocspResponse,
      };
      if (result.certificates.length > 0) resolve({ result, socket });
      else fail(new ScanFailure("tls_handshake_failed", "the server sent no certificate"));
    });
  });
}
