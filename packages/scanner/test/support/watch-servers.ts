import https from "node:https";
import net, { type AddressInfo } from "node:net";
import type tls from "node:tls";
import { type IssuedCert, parseClientHello, RecordSplitter, type Served } from "@port443/testing";

/** Accepted connections counted, open sockets destroyed on close. */
async function counted(server: net.Server, port = 0): Promise<Served> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  server.on("connection", (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    peakConnections: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const contextOf = (chain: IssuedCert[]) => ({
  key: chain[0]!.keyPem,
  cert: chain.map((cert) => cert.pem).join(""),
});

export interface MutableServer extends Served {
  /** Serves another chain from the next connection on, as a reloaded server does. */
  swap(chain: IssuedCert[]): void;
  /** The Strict-Transport-Security value from the next response on; undefined sends none. */
  hsts: string | undefined;
}

/** An HTTPS endpoint whose certificate and HSTS header a test changes while it runs. */
export async function startMutableServer(
  chain: IssuedCert[],
  options: tls.TlsOptions & { hsts?: string; port?: number } = {},
): Promise<MutableServer> {
  const state = { hsts: options.hsts };
  const server = https.createServer({ ...options, ...contextOf(chain) }, (_request, response) => {
    if (state.hsts !== undefined) response.setHeader("strict-transport-security", state.hsts);
    response.end("ok");
  });
  server.on("tlsClientError", () => {});
  const served = await counted(server, options.port);
  return Object.defineProperties(served, {
    swap: { value: (next: IssuedCert[]) => server.setSecureContext(contextOf(next)) },
    hsts: {
      get: () => state.hsts,
      set: (value: string | undefined) => {
        state.hsts = value;
      },
    },
  }) as MutableServer;
}

/**
 * A TCP front that sends each connection to `tls13Port` when its ClientHello offers TLS 1.3 and
 * to `tls12Port` otherwise: a server that shows TLS 1.3 clients another certificate.
 */
export function startVersionRouter(tls12Port: number, tls13Port: number): Promise<Served> {
  const server = net.createServer((client) => {
    client.on("error", () => {});
    const records = new RecordSplitter();
    let received = Buffer.alloc(0);
    client.on("data", function first(chunk: Buffer) {
      received = Buffer.concat([received, chunk]);
      const [record] = records.push(chunk);
      if (!record) return;
      client.off("data", first);
      const hello = parseClientHello(record.body);
      const upstream = net.connect({
        host: "127.0.0.1",
        port: hello && hello.maxVersion >= 0x0304 ? tls13Port : tls12Port,
      });
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.write(received);
      client.pipe(upstream).pipe(client);
    });
  });
  return counted(server);
}
