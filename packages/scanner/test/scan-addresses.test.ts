import { createChain, freePort, issueCert, type Served, startTlsServer } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../src/scan";

/** One name, two addresses (two loopback IPs on one port), each serving its own certificate. */
describe("scanning every address of a name", () => {
  const servers: Served[] = [];
  let port: number;
  let rootPem: string;
  const resolve = async () => ["127.0.0.1", "127.0.0.2"];

  beforeAll(async () => {
    const chain = await createChain();
    const renewed = await issueCert({
      subject: "CN=leaf.test",
      dnsNames: ["leaf.test"],
      issuer: chain.intermediate,
    });
    rootPem = chain.root.pem;
    port = await freePort();
    servers.push(
      await startTlsServer({
        chain: [chain.leaf, chain.intermediate],
        host: "127.0.0.1",
        port,
        hsts: "max-age=31536000",
      }),
    );
    servers.push(
      await startTlsServer({
        chain: [renewed, chain.intermediate],
        host: "127.0.0.2",
        port,
        minVersion: "TLSv1",
        hsts: "max-age=31536000",
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it("scans the first address by default", async () => {
    const report = await scan({ host: "leaf.test", port, resolve, extraCaPems: [rootPem] });
    expect(report.target.ip).toBe("127.0.0.1");
    expect(report.addresses.map((address) => address.ip)).toEqual(["127.0.0.1"]);
  });

  it("reports each address with --all-ips, showing where they differ", async () => {
    const report = await scan({
      host: "leaf.test",
      port,
      resolve,
      extraCaPems: [rootPem],
      allAddresses: true,
    });
    expect(report.addresses.map((address) => address.ip)).toEqual(["127.0.0.1", "127.0.0.2"]);
    const [first, second] = report.addresses;
    expect(first?.fingerprintSha256).not.toBe(second?.fingerprintSha256);
    expect(first?.protocols?.tls1_0).toBe(false);
    expect(second?.protocols?.tls1_0).toBe(true);
    expect(first?.grade).toBe("A+");
    expect(second?.grade).toBe("B");
  });

  it("refuses a name whose addresses the policy forbids, without connecting", async () => {
    const report = await scan({
      host: "leaf.test",
      port,
      resolve,
      allAddresses: true,
      policy: {
        check: (ip) =>
          ip === "127.0.0.2" ? { allowed: false, kind: "private", reason: "test range" } : { allowed: true },
      },
      extraCaPems: [rootPem],
    });
    expect(report.addresses[0]?.error).toBeNull();
    expect(report.addresses[1]?.error).toMatchObject({ code: "blocked_address" });
    // Which internal address a name resolves to is the operator's to know, not the tenant's.
    expect(report.addresses[1]?.ip).toBeNull();
    expect(report.addresses[0]?.ip).toBe("127.0.0.1");
  });
});
