import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRecord, type Served, startInterceptingFake, startLoopbackEndpoint } from "../src";
import type { InterceptingFake } from "../src/tls/fakes/intercept";
import { RecordSplitter } from "../src/tls/fakes/records";

const connect = (port: number, options: tls.ConnectionOptions = {}) =>
  new Promise<{ protocol: string | null; error?: string }>((resolve) => {
    const socket = tls.connect({ host: "127.0.0.1", port, rejectUnauthorized: false, ...options }, () => {
      resolve({ protocol: socket.getProtocol() });
      socket.destroy();
    });
    socket.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ protocol: null, error: error.code ?? error.message }),
    );
  });

describe("the intercepting fake", () => {
  let real: Served;
  let fake: InterceptingFake;
  const seen: number[] = [];
  beforeAll(async () => {
    real = await startLoopbackEndpoint(30);
    fake = await startInterceptingFake(real.port, (hello, connection) => {
      seen.push(hello.maxVersion);
      if (hello.maxVersion === 0x0304) return "pass";
      connection.send(alertRecord(40));
      connection.close();
      return { mode: "take" };
    });
  });
  afterAll(async () => {
    await fake.close();
    await real.close();
  });

  it("lets connections it does not take through to the real server", async () => {
    expect(await connect(fake.port)).toEqual({ protocol: "TLSv1.3" });
    expect(real.connections).toBe(1);
  });

  it("answers the hellos it takes itself, without the real server", async () => {
    const result = await connect(fake.port, { maxVersion: "TLSv1.2" });
    expect(result.protocol).toBeNull();
    expect(result.error).toMatch(/HANDSHAKE_FAILURE|alert number 40/i);
    expect(fake.taken).toBe(1);
    expect(real.connections).toBe(1);
    expect(seen).toEqual([0x0304, 0x0303]);
  });

  it("splits records across chunk boundaries", () => {
    const splitter = new RecordSplitter();
    const record = alertRecord(86);
    expect(splitter.push(record.subarray(0, 3))).toEqual([]);
    expect(splitter.push(Buffer.concat([record.subarray(3), record.subarray(0, 1)]))).toEqual([
      { type: 21, version: 0x0303, body: Buffer.from([2, 86]) },
    ]);
    expect(splitter.rest).toEqual(record.subarray(0, 1));
  });
});
