import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import net from "node:net";
import tls from "node:tls";
import { gzipSync } from "node:zlib";
import { createChain, type IssuedCert } from "./pki";

export interface Served {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** The most connections open at once so far. */
  readonly peakConnections: number;
  close(): Promise<void>;
}

/** Listens on loopback and counts connections; closing destroys every open socket. */
export const listen = async (server: net.Server, host = "127.0.0.1", port = 0): Promise<Served> => {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let peakConnections = 0;
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    connections++;
    peakConnections = Math.max(peakConnections, sockets.size);
    socket.on("close", () => sockets.delete(socket));
  });
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    get peakConnections() {
      return peakConnections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

export interface TlsServerSpec {
  /** Leaf first, then whatever intermediates the server sends. */
  chain: IssuedCert[];
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  honorCipherOrder?: boolean;
  /** Strict-Transport-Security value; undefined sends none. */
  hsts?: string;
  /** Gzip the HTTP response when the request accepts it, as compressing web servers do. */
  gzip?: boolean;
  /** Serve plain TLS without HTTP on top. */
  noHttp?: boolean;
  /** DER OCSP response to staple. */
  staple?: Buffer;
  /** Where to listen (default 127.0.0.1, any free port): several loopback addresses can share a port. */
  host?: string;
  port?: number;
}

/** A real Node TLS (HTTPS) endpoint on loopback, configured per test case. */
export function startTlsServer(spec: TlsServerSpec): Promise<Served> {
  const [leaf, ...intermediates] = spec.chain;
  const options: tls.TlsOptions = {
    key: leaf!.keyPem,
    cert: [leaf!.pem, ...intermediates.map((cert) => cert.pem)].join(""),
    minVersion: spec.minVersion ?? "TLSv1.2",
    maxVersion: spec.maxVersion ?? "TLSv1.3",
    ciphers: spec.ciphers ?? "DEFAULT@SECLEVEL=0",
    honorCipherOrder: spec.honorCipherOrder ?? true,
  };
  const server = spec.noHttp
    ? tls.createServer(options, (socket) => socket.end())
    : https.createServer(options, (request, response) => {
        if (spec.hsts) response.setHeader("strict-transport-security", spec.hsts);
        if (spec.gzip && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
          response.setHeader("content-encoding", "gzip");
          response.end(gzipSync("ok"));
        } else {
          response.end("ok");
        }
      });
  if (spec.staple) {
    const staple = spec.staple;
    server.on(
      "OCSPRequest",
      (_cert: Buffer, _issuer: Buffer, callback: (error: Error | null, response?: Buffer) => void) =>
        callback(null, staple),
    );
  }
  server.on("tlsClientError", () => {});
  return listen(server, spec.host, spec.port);
}

/** Plain HTTP serving fixed bodies by path (AIA caIssuers, OCSP). */
export function startHttpServer(
  routes: Record<string, { body: Buffer; type?: string }>,
  host = "127.0.0.1",
): Promise<Served & { url(path: string): string }> {
  const server = http.createServer((request, response) => {
    const route = routes[request.url ?? ""];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": route.type ?? "application/pkix-cert" }).end(route.body);
  });
  // Object.assign keeps the connection counters live (a spread would copy their values once).
  return listen(server, host).then((served) =>
    Object.assign(served, { url: (path: string) => `http://${host}:${served.port}${path}` }),
  );
}

/** A TCP server that accepts and then behaves as told: never answers, or answers in plain HTTP. */
export function startRawServer(behavior: "silent" | "http"): Promise<Served> {
  const server = net.createServer((socket) => {
    socket.on("error", () => {});
    if (behavior === "http") socket.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
  });
  return listen(server);
}

/**
 * An HTTPS endpoint on 127.0.0.1 whose certificate (IP SAN, ECDSA chain from a fresh test root)
 * stays valid `days` more days (and an hour, so whole-day counts are stable), with that root.
 */
export async function startLoopbackEndpoint(
  days: number,
  spec: Omit<TlsServerSpec, "chain" | "host"> = {},
): Promise<Served & { root: IssuedCert }> {
  const chain = await createChain({
    leaf: {
      subject: "CN=127.0.0.1",
      dnsNames: [],
      ipAddresses: ["127.0.0.1"],
      notAfter: new Date(Date.now() + days * 86_400_000 + 3_600_000),
    },
  });
  const served = await startTlsServer({ ...spec, chain: [chain.leaf, chain.intermediate] });
  return Object.assign(served, { root: chain.root });
}
