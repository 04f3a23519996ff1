import { createAddressPolicy } from "@port443/net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverWebhook } from "../src/deliver";
import { formatGenericPayload } from "../src/generic-payload";
import { verifySignature } from "../src/signature";
import { formatSlackPayload } from "../src/slack-payload";
import { makeNotice } from "./fixtures";
import { type Receiver, startReceiver } from "./receiver";

const policy = createAddressPolicy({ allowPrivate: true });
const secret = "whsec_5f3c";

let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

describe("deliverWebhook (generic)", () => {
  it("POSTs the signed JSON payload with the Port443 headers", async () => {
    const notice = makeNotice();
    const before = Math.floor(Date.now() / 1000);
    const result = await deliverWebhook({
      url: receiver.url(),
      kind: "generic",
      secret,
      notice,
      deliveryId: "dlv_1",
      policy,
    });

    expect(result).toEqual({ status: 200 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request).toMatchObject({
      method: "POST",
      path: "/hook",
      headers: {
        "content-type": "application/json",
        "user-agent": "Port443-Webhooks/1",
        "x-port443-event": "alert.opened",
        "x-port443-delivery": "dlv_1",
      },
    });
    expect(JSON.parse(request!.body)).toEqual(formatGenericPayload(notice, { deliveryId: "dlv_1" }));

    const header = String(request!.headers["x-port443-signature"]);
    const timestamp = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(header)?.[1]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(verifySignature(secret, request!.body, header)).toBe(true);
  });

  it("produces signatures a receiver rejects for a tampered body, wrong secret or stale timestamp", async () => {
    await deliverWebhook({
      url: receiver.url(),
      kind: "generic",
      secret,
      notice: makeNotice(),
      deliveryId: "dlv_2",
      policy,
    });
    const { body, headers } = receiver.received[0]!;
    const header = String(headers["x-port443-signature"]);
    const signedAt = Number(/^t=(\d+)/.exec(header)?.[1]);

    expect(verifySignature(secret, body.replace('"daysRemaining":12', '"daysRemaining":99'), header)).toBe(
      false,
    );
    expect(verifySignature("whsec_wrong", body, header)).toBe(false);
    expect(verifySignature(secret, body, header, { now: signedAt + 301 })).toBe(false);
    expect(verifySignature(secret, body, header, { now: signedAt + 299 })).toBe(true);
  });

  it("keeps the delivery id across retries so receivers can de-duplicate", async () => {
    const options = { url: receiver.url(), kind: "generic", secret, policy, deliveryId: "dlv_3" } as const;
    await deliverWebhook({ ...options, notice: makeNotice() });
    await deliverWebhook({ ...options, notice: makeNotice() });
    const ids = receiver.received.map((request) => [
      JSON.parse(request.body).id,
      request.headers["x-port443-delivery"],
    ]);
    expect(ids).toEqual([
      ["dlv_3", "dlv_3"],
      ["dlv_3", "dlv_3"],
    ]);
  });

  it("names the event in the header for resolved and test notices", async () => {
    const options = { url: receiver.url(), kind: "generic", secret, policy, deliveryId: "d" } as const;
    await deliverWebhook({ ...options, notice: makeNotice({ event: "resolved" }) });
    await deliverWebhook({ ...options, notice: makeNotice({ event: "test" }) });
    expect(receiver.received.map((request) => request.headers["x-port443-event"])).toEqual([
      "alert.resolved",
      "test",
    ]);
  });
});

describe("deliverWebhook (slack)", () => {
  it("POSTs the Slack message unsigned", async () => {
    const notice = makeNotice();
    const result = await deliverWebhook({
      url: receiver.url("/services/T000/B000/XXXX"),
      kind: "slack",
      secret,
      notice,
      deliveryId: "dlv_s",
      policy,
    });

    expect(result).toEqual({ status: 200 });
    const [request] = receiver.received;
    expect(request?.path).toBe("/services/T000/B000/XXXX");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-port443-signature"]).toBeUndefined();
    expect(JSON.parse(request!.body)).toEqual(formatSlackPayload(notice));
  });
});
