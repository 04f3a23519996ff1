import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { cipherSuitesFor } from "../../src/data/cipher-suites";
import { buildClientHello } from "../../src/wire/client-hello";
import { probe } from "../../src/wire/probe";
import { buildSslv2ClientHello } from "../../src/wire/sslv2";
import { type FakeServer, type FakeServerConfig, startFakeServer } from "../support/fake-server";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(config: Partial<FakeServerConfig> = {}): Promise<number> {
  const server = await startFakeServer({
    protocols: ["tls1_2"],
    ciphers: ["TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA"],
    honorServerOrder: true,
    ...config,
  });
  servers.push(server);
  return server.port;
}

const tls12Hello = () => buildClientHello({ version: "tls1_2", cipherSuites: cipherSuitesFor("tls1_2") });
const target = (port: number) => ({ address: "127.0.0.1", port, hello: tls12Hello(), timeoutMs: 1000 });

describe("probe", () => {
  it("reads the ServerHello, or on to the ServerKeyExchange", async () => {
    const port = await serve({
      dhBits: 1536,
      certificateDer: [Buffer.from("cert-one"), Buffer.from("cert-two")],
    });
    expect(await probe(target(port))).toMatchObject({
      type: "server_hello",
      version: "tls1_2",
      cipherSuite: 0x009e,
    });
    expect(await probe({ ...target(port), until: "server_key_exchange" })).toMatchObject({
      type: "server_hello",
      dhBits: 1536,
      certificates: [Buffer.from("cert-one"), Buffer.from("cert-two")],
    });
  });

  it("reassembles a flight the server writes in 5-byte records", async () => {
    const port = await serve({ recordSize: 5, dhBits: 1024 });
    expect(await probe({ ...target(port), until: "server_key_exchange" })).toMatchObject({
      type: "server_hello",
      cipherSuite: 0x009e,
      dhBits: 1024,
    });
  });

  it("reports alerts and SSLv2 server hellos", async () => {
    const tls10 = buildClientHello({ version: "tls1_0", cipherSuites: cipherSuitesFor("tls1_0") });
    const port = await serve({ protocols: ["sslv2", "tls1_2"], ciphers: ["SSL_CK_RC4_128_WITH_MD5"] });
    expect(await probe({ ...target(port), hello: tls10 })).toMatchObject({ type: "alert", code: 70 });
    expect(await probe(target(port))).toMatchObject({ type: "alert", description: "handshake_failure" });
    const sslv2 = buildSslv2ClientHello(cipherSuitesFor("sslv2"));
    expect(await probe({ ...target(port), hello: sslv2 })).toMatchObject({
      type: "sslv2_server_hello",
      cipherSpecs: [0x010080],
    });
  });

  it("reports a closed port as refused", async () => {
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const { port } = spare.address() as net.AddressInfo;
    await new Promise((resolve) => spare.close(resolve));
    expect(await probe(target(port))).toEqual({ type: "refused" });
  });

  it("times out on a silent server", async () => {
    const port = await serve({ behavior: "silent" });
    const started = Date.now();
    expect(await probe({ ...target(port), timeoutMs: 150 })).toEqual({ type: "timeout", phase: "read" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives up promptly when aborted", async () => {
    const port = await serve({ behavior: "silent" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect(await probe({ ...target(port), timeoutMs: 5000, signal: controller.signal })).toEqual({
      type: "error",
      detail: "aborted",
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await probe({ ...target(port), signal: controller.signal })).toEqual({
      type: "error",
      detail: "aborted",
    });
  });

  it("reports hang-ups and resets as closed", async () => {
    expect(await probe(target(await serve({ behavior: "close" })))).toEqual({ type: "closed" });
    expect(await probe(target(await serve({ behavior: "reset" })))).toEqual({ type: "closed" });
    expect(await probe(target(await serve({ maxCipherSuites: 10 })))).toEqual({ type: "closed" });
  });

  it("calls garbage not TLS", async () => {
    expect(await probe(target(await serve({ behavior: "garbage" })))).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("485454502f"),
    });
  });

  it("stops reading a 10 MB flood after the response limit", async () => {
    const port = await serve({ behavior: "flood" });
    const started = Date.now();
    expect(await probe({ ...target(port), timeoutMs: 5000 })).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("exceeded"),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reports what cannot be connected to as an error", async () => {
    expect(await probe({ ...target(70_000), servername: "bad.test" })).toMatchObject({
      type: "error",
      detail: expect.stringContaining("bad.test:70000"),
    });
  });
});
