import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { enumerate } from "../../src/enumerate";
import { type FakeBehavior, type FakeServer, startFakeServer } from "../support/fake-server";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function hostile(behavior: FakeBehavior): Promise<number> {
  const server = await startFakeServer({
    protocols: ["tls1_2"],
    ciphers: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
    honorServerOrder: true,
    behavior,
  });
  servers.push(server);
  return server.port;
}

const noProtocols = {
  sslv2: false,
  sslv3: false,
  tls1_0: false,
  tls1_1: false,
  tls1_2: false,
  tls1_3: false,
};

async function timed(options: Parameters<typeof enumerate>[0]) {
  const started = Date.now();
  const result = await enumerate(options);
  return { result, elapsed: Date.now() - started };
}

describe("enumerate against hostile servers", () => {
  it("times out on silence, a few connections at a time, without hanging", async () => {
    const port = await hostile("silent");
    const { result, elapsed } = await timed({ address: "127.0.0.1", port, timeoutMs: 100, concurrency: 2 });
    expect(result.protocols).toEqual(noProtocols);
    expect(result.probes).toBe(6);
    // Nothing was refused: every protocol's step is incomplete, none is "not supported".
    expect(result.incomplete.map((entry) => entry.step).sort()).toEqual(
      ["sslv2", "sslv3", "tls1_0", "tls1_1", "tls1_2", "tls1_3"].map((protocol) => `protocol.${protocol}`),
    );
    expect(result.incomplete.every((entry) => entry.reason.includes("timed out waiting for an answer"))).toBe(
      true,
    );
    // Six probes, two at a time: three rounds of the timeout, not one.
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });

  it("reports garbage as not TLS", async () => {
    const { result } = await timed({ address: "127.0.0.1", port: await hostile("garbage"), timeoutMs: 1000 });
    expect(result.protocols).toEqual(noProtocols);
    expect(result.incomplete.length).toBeGreaterThan(0);
    expect(result.incomplete.every((entry) => entry.reason.includes("not a TLS answer"))).toBe(true);
  });

  it("bounds what it reads from 10 MB floods", async () => {
    const { result, elapsed } = await timed({
      address: "127.0.0.1",
      port: await hostile("flood"),
      timeoutMs: 5000,
    });
    expect(result.protocols).toEqual(noProtocols);
    expect(result.incomplete.some((entry) => entry.reason.includes("exceeded"))).toBe(true);
    expect(elapsed).toBeLessThan(4000);
  });

  it.each(["close", "reset", "alert"] as const)(
    "finds nothing on a server that answers with %s",
    async (behavior) => {
      const { result } = await timed({
        address: "127.0.0.1",
        port: await hostile(behavior),
        timeoutMs: 1000,
      });
      expect(result.protocols).toEqual(noProtocols);
      expect(result.ciphers).toEqual({});
      expect(result.probes).toBeGreaterThanOrEqual(6);
    },
  );

  it("reports a closed port", async () => {
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const { port } = spare.address() as net.AddressInfo;
    await new Promise((resolve) => spare.close(resolve));
    const { result } = await timed({ address: "127.0.0.1", port, timeoutMs: 1000 });
    expect(result.protocols).toEqual(noProtocols);
    expect(result.incomplete).toContainEqual({ step: "protocol.tls1_2", reason: "connection refused" });
  });

  it("returns promptly with what it has when aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const port = await hostile("silent");
    const { result, elapsed } = await timed({
      address: "127.0.0.1",
      port,
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(elapsed).toBeLessThan(1000);
    expect(result.protocols).toEqual(noProtocols);
    expect(result.incomplete).toContainEqual({
      step: "enumeration",
      reason: "cut off by the scan's deadline",
    });
  });
});
