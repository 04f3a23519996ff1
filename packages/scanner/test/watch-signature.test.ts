import { createHash } from "node:crypto";
import { createChain, freePort, issueCert, type Served, startTlsServer } from "@port443/testing";
import { describe, expect, it } from "vitest";
import type { WatchMode, WatchOptions } from "../src/watch/types";
import { watch } from "../src/watch/watch";
import { closedAfterEach } from "./support/scan-case.ts";
import { startMutableServer } from "./support/watch-servers.ts";

const serve = closedAfterEach();
const fingerprint = (der: Buffer) => createHash("sha256").update(der).digest("hex");

const chain = await createChain();
const renewed = await issueCert({
  subject: "CN=leaf.test",
  dnsNames: ["leaf.test"],
  issuer: chain.intermediate,
});

/** The one address of a local endpoint, read as `mode`. */
async function seen(served: Served, mode: WatchMode, options: Partial<WatchOptions> = {}) {
  const { addresses } = await watch({
    host: "leaf.test",
    port: served.port,
    addresses: ["127.0.0.1"],
    extraCaPems: [chain.root.pem],
    modes: { "127.0.0.1": mode },
    timeoutMs: 10_000,
    ...options,
  });
  expect(addresses[0]).toMatchObject({ mode, error: null });
  return addresses[0]!;
}

describe.each(["plaintext", "handshake"] as const)("the signature of a %s read", (mode) => {
  it("changes when the server swaps its certificate, and is back when it swaps back", async () => {
    const served = await serve(startMutableServer([chain.leaf, chain.intermediate]));
    const before = await seen(served, mode);
    expect(await seen(served, mode)).toMatchObject({ signature: before.signature });
    served.swap([renewed, chain.intermediate]);
    const after = await seen(served, mode);
    expect(after.chain[0]).toBe(fingerprint(renewed.der));
    expect(after.signature).not.toBe(before.signature);
    served.swap([chain.leaf, chain.intermediate]);
    expect((await seen(served, mode)).signature).toBe(before.signature);
  });

  it("changes when the chain behind the same leaf changes", async () => {
    const served = await serve(startMutableServer([chain.leaf, chain.intermediate]));
    const before = await seen(served, mode);
    served.swap([chain.leaf, chain.intermediate, chain.root]);
    const after = await seen(served, mode);
    expect(after.chain).toEqual([...before.chain, fingerprint(chain.root.der)]);
    expect(after.signature).not.toBe(before.signature);
  });

  it("changes with the negotiated suite", async () => {
    const port = await freePort();
    const spec = { chain: [chain.leaf, chain.intermediate], port, maxVersion: "TLSv1.2" as const };
    const first = await serve(startTlsServer({ ...spec, ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256" }));
    const before = await seen(first, mode);
    await first.close();
    const second = await serve(startTlsServer({ ...spec, ciphers: "ECDHE-ECDSA-CHACHA20-POLY1305" }));
    const after = await seen(second, mode);
    expect([before.negotiated.cipher, after.negotiated.cipher]).toEqual([
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ]);
    expect(after.signature).not.toBe(before.signature);
  });

  it("changes with ALPN", async () => {
    const port = await freePort();
    const first = await serve(startMutableServer([chain.leaf, chain.intermediate], { port }));
    const before = await seen(first, mode);
    await first.close();
    const second = await serve(
      startMutableServer([chain.leaf, chain.intermediate], { port, ALPNProtocols: ["h2", "http/1.1"] }),
    );
    const after = await seen(second, mode);
    expect([before.negotiated.alpn, after.negotiated.alpn]).toEqual(["http/1.1", "h2"]);
    expect(after.signature).not.toBe(before.signature);
  });
});

describe("HSTS in the signature", () => {
  it("changes with the header a handshake read gets for free, and tells no header from an unread one", async () => {
    const served = await serve(startMutableServer([chain.leaf, chain.intermediate], { hsts: "max-age=300" }));
    const year = await seen(served, "handshake");
    expect(year.hsts).toBe("max-age=300");
    served.hsts = "max-age=600; includeSubDomains";
    const longer = await seen(served, "handshake");
    expect(longer.hsts).toBe("max-age=600; includeSubDomains");
    served.hsts = undefined;
    const none = await seen(served, "handshake");
    expect(none.hsts).toBeNull();
    expect(new Set([year.signature, longer.signature, none.signature]).size).toBe(3);
    // The plaintext read does not ask, so the header cannot change its signature.
    const plain = await seen(served, "plaintext");
    served.hsts = "max-age=300";
    expect((await seen(served, "plaintext")).signature).toBe(plain.signature);
  });

  it("is not read after h2, which would need a connection of its own", async () => {
    const served = await serve(
      startMutableServer([chain.leaf, chain.intermediate], {
        hsts: "max-age=300",
        ALPNProtocols: ["h2", "http/1.1"],
      }),
    );
    const before = served.connections;
    const read = await seen(served, "handshake");
    expect(read).toMatchObject({ hsts: undefined, negotiated: { alpn: "h2" } });
    expect(served.connections - before).toBe(1);
  });
});
