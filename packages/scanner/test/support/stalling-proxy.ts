import net from "node:net";
import type { Served } from "@port443/testing";
import { type ClientHello, readClientHello } from "../../src/wire/client-hello-parser";

/**
 * A front for a real TLS server that never answers the ClientHellos `stall` picks, as a server
 * one of whose probes hangs, and passes every other connection through untouched: the rest of
 * the scan sees the real server.
 */
export async function startStallingProxy(
  targetPort: number,
  stall: (hello: ClientHello) => boolean,
): Promise<Served> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((client) => {
    connections++;
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const read = readClientHello(received);
      if (!read.ok) return client.destroy();
      if ("incomplete" in read.value) return;
      client.off("data", onData);
      if (stall(read.value.hello)) return; // hold the connection and say nothing
      const upstream = net.connect({ port: targetPort, host: "127.0.0.1" });
      sockets.add(upstream);
      upstream.on("close", () => sockets.delete(upstream));
      upstream.on("error", () => client.destroy());
      upstream.write(received);
      client.pipe(upstream).pipe(client);
    };
    client.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return connections;
    },
    peakConnections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
