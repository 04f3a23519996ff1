/**
 * The frame of every vulnerability fake: a TCP front for a real TLS server. Each connection's
 * ClientHello is read first; the fake's script either takes the connection over (answering the
 * probe the way a vulnerable or patched implementation would) or lets it through to the real
 * server, watching or keeping the client's later records as it likes. So only the probe meets
 * the imitation, and the rest of a scan sees a real server.
 */
import net from "node:net";
import { listen, type Served } from "../servers";
import { type HelloSummary, parseClientHello } from "./client-hello";
import { encodeRecordBytes, RecordSplitter, RecordType, type TlsRecord } from "./records";

export interface FakeConnection {
  readonly hello: HelloSummary;
  /** Bytes to the client. */
  send(data: Buffer): void;
  /** Ends the client connection cleanly (FIN). */
  close(): void;
  /** Stops talking to the real server: from here on, only the script answers. */
  detach(): void;
}

export interface ConnectionScript {
  /** "take": the script answers; "pass": the connection goes on to the real server. */
  mode: "take" | "pass";
  /** Each later client record; "forward" sends it to the real server (passed connections only). */
  onRecord?(record: TlsRecord, connection: FakeConnection): "forward" | "handled";
  /** Each record the real server sends, before it reaches the client. */
  onServerRecord?(record: TlsRecord, connection: FakeConnection): void;
}

export type FakeScript = (hello: HelloSummary, connection: FakeConnection) => ConnectionScript | "pass";

export interface InterceptingFake extends Served {
  /** Connections the script took over. */
  readonly taken: number;
}

const passThrough: ConnectionScript = { mode: "pass" };

/** Starts a fake on 127.0.0.1 in front of the real TLS server listening on `upstreamPort`. */
export async function startInterceptingFake(
  upstreamPort: number,
  script: FakeScript,
): Promise<InterceptingFake> {
  let taken = 0;
  const server = net.createServer((client) => {
    client.on("error", () => {});
    const fromClient = new RecordSplitter();
    let handshake = Buffer.alloc(0);
    let helloBytes = Buffer.alloc(0);
    let connection: ConnectionScript | undefined;
    let upstream: net.Socket | undefined;
    let detached = false;
    let hello: HelloSummary | null = null;

    const fake: FakeConnection = {
      get hello() {
        return hello!;
      },
      send: (data) => {
        if (!client.destroyed) client.write(data);
      },
      close: () => client.end(),
      detach: () => {
        detached = true;
        upstream?.destroy();
      },
    };

    const toUpstream = (data: Buffer) => {
      if (upstream && !detached && !upstream.destroyed) upstream.write(data);
    };

    function openUpstream(first: Buffer): void {
      upstream = net.connect({ host: "127.0.0.1", port: upstreamPort, noDelay: true });
      upstream.on("error", () => client.destroy());
      upstream.on("close", () => {
        if (!detached) client.end();
      });
      const fromServer = new RecordSplitter();
      upstream.on("data", (chunk: Buffer) => {
        if (detached) return;
        if (!connection?.onServerRecord) return fake.send(chunk);
        for (const record of fromServer.push(chunk)) {
          connection.onServerRecord(record, fake);
          if (!detached) fake.send(encodeRecordBytes(record));
        }
      });
      upstream.write(first);
    }

    const helloComplete = () => handshake.length >= 4 && handshake.length >= 4 + handshake.readUIntBE(1, 3);

    function processRecords(chunk: Buffer): void {
      for (const record of fromClient.push(chunk)) {
        if (connection!.onRecord!(record, fake) === "forward") toUpstream(encodeRecordBytes(record));
      }
    }

    client.on("data", (chunk: Buffer) => {
      if (connection) {
        if (connection.onRecord) processRecords(chunk);
        else toUpstream(chunk);
        return;
      }
      if (!helloBytes.length && fromClient.rest.length === 0 && chunk[0] !== RecordType.handshake) {
        // An SSLv2-format hello (or anything else that is no TLS record): the real server decides.
        connection = passThrough;
        return openUpstream(chunk);
      }
      // Until the ClientHello is whole: it may span records.
      const records = fromClient.push(chunk);
      let used = 0;
      while (used < records.length && !helloComplete()) {
        const record = records[used++]!;
        if (record.type !== RecordType.handshake) return void client.destroy();
        helloBytes = Buffer.concat([helloBytes, encodeRecordBytes(record)]);
        handshake = Buffer.concat([handshake, record.body]);
      }
      if (!helloComplete()) return;
      hello = parseClientHello(handshake);
      if (!hello) return void client.destroy();
      const chosen = script(hello, fake);
      connection = chosen === "pass" ? passThrough : chosen;
      if (connection.mode === "take") {
        taken++;
        detached = true;
      } else {
        openUpstream(helloBytes);
      }
      // Records that came with the hello are the script's (or the real server's) like any later one.
      const later = records.slice(used);
      if (connection.onRecord) {
        for (const record of later) {
          if (connection.onRecord(record, fake) === "forward") toUpstream(encodeRecordBytes(record));
        }
      } else {
        toUpstream(Buffer.concat([...later.map(encodeRecordBytes), fromClient.rest]));
      }
    });
    client.on("close", () => upstream?.destroy());
  });
  const served = await listen(server);
  // defineProperty keeps the count live (Object.assign would copy its value once).
  return Object.defineProperty(served, "taken", { get: () => taken }) as InterceptingFake;
}
