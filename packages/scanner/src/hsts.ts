import https from "node:https";
import { isIP } from "node:net";
import type tls from "node:tls";
import { permissiveContext } from "./handshake";

export interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** Parses a Strict-Transport-Security header (RFC 6797); null when absent or without max-age. */
export function parseHsts(header: string | undefined): Hsts | null {
  if (!header) return null;
  const directives = new Map(
    header
      .split(";")
      .map((part) => part.trim().split("="))
      .filter(([name]) => name)
      .map(([name, value]) => [name!.toLowerCase(), value?.trim().replace(/^"|"$/g, "")]),
  );
  const maxAge = Number.parseInt(directives.get("max-age") ?? "", 10);
  if (!Number.isFinite(maxAge) || maxAge < 0) return null;
  return {
    maxAge,
    includeSubDomains: directives.has("includesubdomains"),
    preload: directives.has("preload"),
  };
}

/** What the scan reads from the HTTP response's headers. */
export interface HttpHeaders {
  hsts: Hsts | null;
  /** The Strict-Transport-Security value as sent (the first, if repeated); null when absent. */
  hstsValue: string | null;
  /** Content-Encoding of a response to a request offering gzip, deflate and br; null uncompressed. */
  contentEncoding: string | null;
}

export interface HttpRequestOptions {
  address: string;
  port: number;
  servername: string;
  host: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** An established TLS connection to send the request on, instead of a new one. */
  socket?: tls.TLSSocket;
}

/**
 * One `GET /` over TLS to read Strict-Transport-Security and whether responses are compressed
 * (the BREACH precondition); the body is never read. Undefined when
 * the server does not answer HTTP at all (not every TLS endpoint is a web server). The
 * connection, given or opened here, is closed afterwards.
 */
export function fetchHttpHeaders(options: HttpRequestOptions): Promise<HttpHeaders | undefined> {
  return new Promise((resolve) => {
    // https passes TLS options through to tls.connect; its types only list some of them.
    const { socket } = options;
    const request = https.request(<https.RequestOptions & tls.ConnectionOptions>{
      ...(socket ? { createConnection: () => socket } : { agent: false }),
      host: options.address,
      port: options.port,
      servername: isIP(options.servername) ? undefined : options.servername,
      path: "/",
      method: "GET",
      headers: {
        host: options.port === 443 ? options.host : `${options.host}:${options.port}`,
        "user-agent": "port443-scanner",
        "accept-encoding": "gzip, deflate, br",
      },
      rejectUnauthorized: false,
      secureContext: permissiveContext(),
      timeout: options.timeoutMs,
      signal: options.signal,
      maxHeaderSize: 64 * 1024,
    });
    const timer = setTimeout(() => request.destroy(), options.timeoutMs);
    const done = (value: HttpHeaders | undefined) => {
      clearTimeout(timer);
      request.destroy();
      resolve(value);
    };
    request.once("response", (response) => {
      const header = response.headers["strict-transport-security"];
      const value = Array.isArray(header) ? header[0] : header;
      const encoding = response.headers["content-encoding"]?.trim().toLowerCase();
      done({
        hsts: parseHsts(value),
        hstsValue: value ?? null,
        contentEncoding: encoding && encoding !== "identity" ? encoding : null,
      });
    });
    request.once("timeout", () => done(undefined));
    request.once("error", () => done(undefined));
    request.end();
  });
}
