import { BlockedAddressError, createAddressPolicy } from "@port443/net";
import { freePort } from "@port443/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type DeliverOptions, deliverWebhook } from "../src/deliver";
import { WebhookDeliveryError } from "../src/errors";
import { makeNotice } from "./fixtures";
import { type Receiver, startReceiver } from "./receiver";

const loopback = createAddressPolicy({ allowPrivate: true });

const options = (url: string, overrides: Partial<DeliverOptions> = {}): DeliverOptions => ({
  url,
  kind: "generic",
  secret: "whsec_x",
  notice: makeNotice(),
  deliveryId: "dlv_f",
  policy: loopback,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<WebhookDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WebhookDeliveryError);
  return error as WebhookDeliveryError;
}

const receivers: Receiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((started) => started.close()));
});

/** Answers /status/<code> with that code and a body the client must ignore. */
const byPath = () =>
  receiver((request, response) => response.writeHead(Number(request.path.split("/")[2])).end("{}"));

describe("deliverWebhook status handling", () => {
  it.each([200, 201, 202, 204])("treats %i as delivered", async (status) => {
    const server = await byPath();
    await expect(deliverWebhook(options(server.url(`/status/${status}`)))).resolves.toEqual({ status });
  });

  it.each([400, 401, 403, 404, 410, 413, 422, 301, 302])("gives up on %i", async (status) => {
    const server = await byPath();
    const error = await failure(deliverWebhook(options(server.url(`/status/${status}`))));
    expect(error).toMatchObject({ permanent: true, status });
    expect(server.received).toHaveLength(1);
  });

  it.each([408, 425, 429, 500, 502, 503, 504])("retries after %i", async (status) => {
    const server = await byPath();
    const error = await failure(deliverWebhook(options(server.url(`/status/${status}`))));
    expect(error).toMatchObject({ permanent: false, status });
  });
});

describe("deliverWebhook network failures", () => {
  it("times out a receiver that never answers, within the bound, as transient", async () => {
    const server = await receiver(() => {});
    const started = performance.now();
    const error = await failure(deliverWebhook(options(server.url(), { timeoutMs: 400 })));
    const elapsed = performance.now() - started;
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/timeout/);
    expect(server.received).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(2000);
  });

  it("treats a refused connection as transient", async () => {
    const port = await freePort();
    const error = await failure(deliverWebhook(options(`http://127.0.0.1:${port}/hook`)));
    expect(error.permanent).toBe(false);
    expect(error.cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("treats an oversized response as transient: the receiver's answer is unknown", async () => {
    const server = await receiver((_request, response) =>
      response.writeHead(200).end("z".repeat(256 * 1024)),
    );
    const error = await failure(deliverWebhook(options(server.url())));
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/larger than 65536 bytes/);
  });

  it("treats a caller's abort as transient", async () => {
    const server = await receiver(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(deliverWebhook(options(server.url(), { signal: controller.signal })));
    expect(error.permanent).toBe(false);
  });
});

describe("deliverWebhook address policy", () => {
  it.each(["127.0.0.1", "localhost"])(
    "refuses loopback (%s) under the default policy without connecting",
    async (host) => {
      const server = await receiver();
      const url = `http://${host}:${server.port}/hook`;
      const error = await failure(deliverWebhook(options(url, { policy: createAddressPolicy() })));
      expect(error.permanent).toBe(true);
      expect(error.cause).toBeInstanceOf(BlockedAddressError);
      // The delivery log shows the team the class of the address, not the address.
      expect(error.message).toBe(
        "webhook delivery failed: the host resolves to a loopback address, which is not allowed",
      );
      expect(server.connections()).toBe(0);

      // The same receiver is reachable, and counted, once loopback is allowed.
      await deliverWebhook(options(server.url()));
      expect(server.connections()).toBe(1);
    },
  );
});

describe("deliverWebhook URL and configuration checks", () => {
  it.each([
    ["a non-http scheme", (port: number) => `ftp://127.0.0.1:${port}/hook`],
    ["credentials in the URL", (port: number) => `http://user:pass@127.0.0.1:${port}/hook`],
    ["an unparseable URL", (port: number) => `http//127.0.0.1:${port}/hook`],
    ["an overlong URL", (port: number) => `http://127.0.0.1:${port}/${"a".repeat(2048)}`],
  ])("rejects %s permanently without connecting", async (_label, url) => {
    const server = await receiver();
    const error = await failure(deliverWebhook(options(url(server.port))));
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/^invalid webhook URL/);
    expect(server.connections()).toBe(0);
  });

  it("refuses to send an unsigned generic webhook", async () => {
    const server = await receiver();
    const error = await failure(deliverWebhook(options(server.url(), { secret: "" })));
    expect(error.permanent).toBe(true);
    expect(server.connections()).toBe(0);
  });
});
