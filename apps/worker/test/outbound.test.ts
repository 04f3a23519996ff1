import http from "node:http";
import type { AddressInfo } from "node:net";
import { outboundPolicies } from "@port443/net";
import { createChain, type Served, startHttpServer, startTlsServer, uniquePrefix } from "@port443/testing";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestBed, seedTeam, type TestBed, testRuntime, until } from "./support";

const DAY = 86_400_000;
const INTERNAL = "10.0.0.8";

let bed: TestBed;
/** The worker's log lines, as the operator reads them. */
let logged: Record<string, unknown>[];
/** Requests the team's webhook receiver got. */
let hooked: number;
let receiver: http.Server;
/** Where the certificate's OCSP responder and CRL live: on loopback, as an internal CA's might. */
let revocation: Served & { url(path: string): string };

beforeEach(async () => {
  bed = await openTestBed("outbound");
  logged = [];
  hooked = 0;
  receiver = http.createServer((request, response) => {
    hooked++;
    request.resume().on("end", () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  bed.defer(() => new Promise((resolve) => receiver.close(resolve)));
  revocation = await startHttpServer({});
  bed.defer(() => revocation.close());
});
afterEach(() => bed.tearDown());

/**
 * A team monitoring a loopback endpoint (certificate expiring in 5 days, so an alert goes to its
 * webhook on loopback too) and a name our resolver maps to an internal address, scanned by a
 * worker whose scan allow-list opens loopback.
 */
async function start(webhookAllowlist: string[] = []) {
  const chain = await createChain({
    leaf: {
      subject: "CN=127.0.0.1",
      dnsNames: [],
      ipAddresses: ["127.0.0.1"],
      notAfter: new Date(Date.now() + 5 * DAY + 3_600_000),
      ocspUrl: revocation.url("/ocsp"),
      crlUrl: revocation.url("/leaf.crl"),
    },
  });
  const tls = await startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" });
  bed.defer(() => tls.close());
  const { team, domains } = await seedTeam(bed.prisma, "outbound", [chain.root], [tls.port]);
  const internal = await bed.prisma.domain.create({
    data: { teamId: team.id, hostname: "internal.test", port: 443 },
  });
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  await bed.prisma.webhook.create({ data: { teamId: team.id, url: hookUrl, secret: "s3cret" } });
  const runtime = testRuntime(bed.prisma, bed.smtp.url, uniquePrefix("outbound"), {
    logger: pino({ level: "info" }, { write: (line: string) => logged.push(JSON.parse(line)) }),
    policies: outboundPolicies({ scanAllowlist: ["127.0.0.0/8"], webhookAllowlist }),
    resolve: async (host) => (host === "internal.test" ? [INTERNAL] : []),
  });
  bed.defer(() => runtime.close());
  await runtime.start();
  return { endpoint: domains[0]!, internal, hookUrl };
}

describe("outbound traffic from the worker", () => {
  it("the scan allow-list opens the monitored target only: not its certificate's URLs, not webhooks", async () => {
    const { endpoint, hookUrl } = await start();
    const notification = await until(
      async () => bed.prisma.notification.findFirst({ where: { recipient: hookUrl, state: "failed" } }),
      30_000,
      "the webhook delivery refused",
    );
    expect(notification.attempts).toBe(1);
    expect(notification.lastError).toBe(
      "webhook delivery failed: the host resolves to a loopback address, which is not allowed",
    );
    expect(hooked).toBe(0);
    // The scan itself reached its allow-listed target, and asked neither responder nor CRL.
    const scanned = await bed.prisma.domain.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(scanned).toMatchObject({ status: "critical", lastError: null });
    expect(revocation.connections).toBe(0);
    // The operator's log keeps the address the team is not told.
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: "delivery failed", address: "127.0.0.1", permanent: true }),
    );
  });

  it("webhooks reach what their own allow-list opens", async () => {
    const { hookUrl } = await start(["127.0.0.1/32"]);
    await until(
      async () => bed.prisma.notification.findFirst({ where: { recipient: hookUrl, state: "sent" } }),
      30_000,
      "the webhook delivered",
    );
    expect(hooked).toBe(1);
    expect(revocation.connections).toBe(0);
  });

  it("a refused target is shown by its class, not its address; the log has the address", async () => {
    const { internal } = await start();
    const domain = await until(
      async () => {
        const row = await bed.prisma.domain.findUniqueOrThrow({ where: { id: internal.id } });
        return row.lastError ? row : null;
      },
      30_000,
      "the internal domain scanned",
    );
    expect(domain.lastError).toBe(
      "blocked_address: the host resolves to a private address, which is not allowed",
    );
    const scan = await bed.prisma.scan.findFirstOrThrow({ where: { domainId: internal.id } });
    expect(scan.errorMessage).not.toContain(INTERNAL);
    expect(scan.ip).toBeNull();
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: "scanned",
        domainId: internal.id,
        error: "blocked_address",
        address: INTERNAL,
      }),
    );
  });
});
