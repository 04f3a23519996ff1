import net from "node:net";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createMailer } from "@port443/email";
import { outboundPolicies } from "@port443/net";
import {
  createTestDatabase,
  freePort,
  type IssuedCert,
  type Served,
  type SmtpTestServer,
  startLoopbackEndpoint,
  startSmtpServer,
  type TestDatabase,
  testRedisUrl,
} from "@port443/testing";
import { createLogger } from "../src/logger";
import { createMetrics } from "../src/metrics";
import { createRuntime, type Runtime, type RuntimeOptions } from "../src/runtime";

export async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a test works on: a database of its own, a Prisma client on it and an SMTP catcher. */
export interface TestBed {
  db: TestDatabase;
  prisma: PrismaClient;
  smtp: SmtpTestServer;
  /** Something to close at tear-down (runtimes, servers), before the bed itself; last in, first out. */
  defer(close: () => Promise<unknown>): void;
  tearDown(): Promise<void>;
}

export async function openTestBed(label: string): Promise<TestBed> {
  const db = await createTestDatabase(label);
  const prisma = createPrismaClient(db.url);
  const smtp = await startSmtpServer();
  const closers: (() => Promise<unknown>)[] = [];
  return {
    db,
    prisma,
    smtp,
    defer: (close) => {
      closers.push(close);
    },
    async tearDown() {
      for (const close of closers.splice(0).reverse()) await close();
      await smtp.stop();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** A TLS endpoint on 127.0.0.1 (with HSTS) whose certificate expires in `days`, and its root. */
export async function expiringEndpoint(days: number): Promise<{ served: Served; root: IssuedCert }> {
  const served = await startLoopbackEndpoint(days, { hsts: "max-age=31536000" });
  return { served, root: served.root };
}

/**
 * A team with an owner who receives alerts, trusting `roots`, and one domain per port. Its alert
 * policy sends a notification group's first message without waiting (tests of grouping set their
 * own timings on it).
 */
export async function seedTeam(prisma: PrismaClient, slug: string, roots: IssuedCert[], ports: number[]) {
  const team = await prisma.team.create({
    data: { name: slug, slug, privateCaPem: roots.map((root) => root.pem).join("") },
  });
  // Grouping's timing is tested on its own; elsewhere a notice goes out as soon as it is planned.
  await prisma.alertPolicy.create({
    data: { teamId: team.id, recipients: [], groupWaitSeconds: 0, groupIntervalSeconds: 1 },
  });
  const owner = await prisma.user.create({ data: { email: `owner@${slug}.test` } });
  await prisma.member.create({ data: { teamId: team.id, userId: owner.id, role: "owner" } });
  const domains = await Promise.all(
    ports.map((port) => prisma.domain.create({ data: { teamId: team.id, hostname: "127.0.0.1", port } })),
  );
  return { team, owner, domains };
}

/**
 * A worker runtime as the tests run it: silent logs, private targets allowed, mail to the test
 * SMTP server, ticks every 300 ms, its own Redis key prefix.
 */
export function testRuntime(
  prisma: PrismaClient,
  smtpUrl: string,
  prefix: string,
  overrides: Partial<RuntimeOptions> = {},
): Runtime {
  return createRuntime({
    prisma,
    redisUrl: testRedisUrl(),
    logger: createLogger("silent"),
    metrics: createMetrics(),
    concurrency: 4,
    policies: outboundPolicies({ allowPrivate: true }),
    mailer: createMailer({ smtpUrl, from: "Port443 <alerts@port443.test>", timeoutMs: 2_000 }),
    publicUrl: "https://port443.test",
    prefix,
    tickEveryMs: 300,
    ...overrides,
  });
}

/**
 * A TCP forwarder on 127.0.0.1 (`port`, or a free one) to `targetPort`: more domains on one TLS
 * endpoint, so they share its certificate, or a port that starts answering.
 */
export async function forwardPort(targetPort: number, port = 0) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Every closed port handed out in this test file: the next call must not repeat one. */
const handedOut = new Set<number>();

/**
 * Ports nothing listens on: every scan of them fails with connection refused, on 127.0.0.1. Never
 * one handed out before in the file, since a port nothing listens on stays free, and a second
 * domain on it would be the first one again.
 */
export async function closedPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    ports.push(port);
  }
  return ports;
}
