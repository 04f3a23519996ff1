import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAddressPolicy } from "../src/address-policy";
import { boundedRequest } from "../src/bounded-request";
import { ByteBudget } from "../src/byte-budget";
import { BlockedAddressError, ByteBudgetExhaustedError, ResponseTooLargeError } from "../src/errors";

const open = createAddressPolicy({ allowPrivate: true });
const KB = 1024;

describe("boundedRequest", () => {
  let server: http.Server;
  let base: string;
  let connections = 0;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const size = Number(new URL(request.url ?? "/", "http://x").searchParams.get("kb") ?? 1) * KB;
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.alloc(size));
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("shares a byte budget across requests: the one that overruns fails as too large, later ones never connect", async () => {
    const budget = new ByteBudget(1_000 * KB);
    const options = { policy: open, timeoutMs: 5_000, maxBytes: 1_024 * KB, budget };
    expect((await boundedRequest(`${base}/?kb=600`, options)).body.length).toBe(600 * KB);
    expect(budget.exhausted).toBe(false);
    const overrun = await boundedRequest(`${base}/?kb=600`, options).catch((error: Error) => error);
    expect(overrun).toBeInstanceOf(ByteBudgetExhaustedError);
    expect(overrun).toBeInstanceOf(ResponseTooLargeError);
    expect((overrun as Error).message).toBe("the fetch budget of 1000 KB is spent");
    expect(budget.exhausted).toBe(true);
    const before = connections;
    await expect(boundedRequest(`${base}/?kb=1`, options)).rejects.toBeInstanceOf(ByteBudgetExhaustedError);
    expect(connections).toBe(before);
  });

  it("without a budget, only each response's own bound applies", async () => {
    const options = { policy: open, timeoutMs: 5_000, maxBytes: 700 * KB };
    for (let i = 0; i < 3; i++) expect((await boundedRequest(`${base}/?kb=600`, options)).status).toBe(200);
    await expect(boundedRequest(`${base}/?kb=800`, options)).rejects.toThrow(
      "response larger than 716800 bytes",
    );
  });

  it("names the refused address's class, not the address, in its message", async () => {
    const port = (server.address() as AddressInfo).port;
    const before = connections;
    for (const url of [`http://localhost:${port}/`, `${base}/`, `http://[::ffff:127.0.0.1]:${port}/`]) {
      const error = await boundedRequest(url, {
        policy: createAddressPolicy(),
        timeoutMs: 5_000,
        maxBytes: KB,
      }).catch((caught: Error) => caught);
      expect(error).toBeInstanceOf(BlockedAddressError);
      expect((error as Error).message).toBe("the host resolves to a loopback address, which is not allowed");
      // The operator's log gets the address and the range.
      expect((error as BlockedAddressError).address).toMatch(/^(127\.0\.0\.1|::1|::ffff:7f00:1)$/);
      expect((error as BlockedAddressError).reason).toContain("loopback");
    }
    expect(connections).toBe(before);
  });
});
