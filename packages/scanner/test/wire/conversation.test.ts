import { startLoopbackEndpoint, startRawServer } from "@port443/testing";
import { describe, expect, it } from "vitest";
import { cipherSuiteByName } from "../../src/data/cipher-suites";
import { buildClientHello } from "../../src/wire/client-hello";
import { Conversation } from "../../src/wire/conversation";

const suite = (name: string) => cipherSuiteByName(name)!.code;

describe("Conversation", () => {
  it("reads a TLS 1.2 server's first flight message by message, then its alert", async () => {
    const server = await startLoopbackEndpoint(30, { noHttp: true });
    try {
      const conversation = await Conversation.open({
        address: "127.0.0.1",
        port: server.port,
        timeoutMs: 2_000,
      });
      if (!(conversation instanceof Conversation)) throw new Error(JSON.stringify(conversation));
      conversation.send(
        buildClientHello({
          version: "tls1_2",
          cipherSuites: [suite("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")],
        }),
      );
      const flight = await conversation.handshakeUntil(14);
      expect(flight.messages.map(([type]) => type)).toEqual([2, 11, 12, 14]);
      expect("stop" in flight).toBe(false);
      // Application data before the handshake finished: the server must refuse it.
      conversation.send(Buffer.from([23, 3, 3, 0, 1, 0]));
      const answer = await conversation.nextRecord();
      expect(answer).toMatchObject({ type: 21 });
      expect(await conversation.nextRecord()).toEqual({ end: "closed" });
      conversation.close();
    } finally {
      await server.close();
    }
  });

  it("reports a silent server as a timeout within the wait", async () => {
    const server = await startRawServer("silent");
    try {
      const conversation = await Conversation.open({
        address: "127.0.0.1",
        port: server.port,
        timeoutMs: 300,
      });
      if (!(conversation instanceof Conversation)) throw new Error(JSON.stringify(conversation));
      const started = Date.now();
      expect(await conversation.nextRecord()).toEqual({ end: "timeout" });
      expect(Date.now() - started).toBeLessThan(1_000);
      conversation.close();
    } finally {
      await server.close();
    }
  });

  it("reports a refused connection without throwing", async () => {
    const server = await startRawServer("silent");
    const { port } = server;
    await server.close();
    expect(await Conversation.open({ address: "127.0.0.1", port, timeoutMs: 500 })).toEqual({
      end: "error",
      detail: "ECONNREFUSED",
    });
  });
});
