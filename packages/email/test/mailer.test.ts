import net from "node:net";
import { type SmtpTestServer, startSmtpServer } from "@port443/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createMailer, isPermanentSmtpError, type Mailer, renderAlertEmail } from "../src/index";
import { notice } from "./fixtures";

const from = "Port443 <alerts@port443.test>";
const to = "ops@example.com";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function server(options?: Parameters<typeof startSmtpServer>[0]): Promise<SmtpTestServer> {
  const started = await startSmtpServer(options);
  cleanup.push(() => started.stop());
  return started;
}

function mailer(smtpUrl: string, timeoutMs?: number): Mailer {
  const created = createMailer({ smtpUrl, from, timeoutMs });
  cleanup.push(() => created.close());
  return created;
}

const email = async () => ({ to, ...(await renderAlertEmail(notice())) });

/** The rejection of `promise`, failing the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; responseCode?: number }> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  if (!outcome) throw new Error("expected the send to fail");
  return outcome;
}

describe("createMailer", () => {
  it("delivers From, To, Subject, headers and both parts", async () => {
    const smtp = await server();
    const message = await email();
    const { messageId } = await mailer(smtp.url).send({
      ...message,
      headers: { "X-Port443-Alert": "expiry:5" },
    });
    await smtp.waitFor(1);

    const [received] = smtp.messages;
    expect(received?.auth).toBeUndefined();
    expect(received?.from).toBe("alerts@port443.test");
    expect(received?.to).toEqual([to]);
    expect(received?.subject).toBe("[critical] api.example.com:443 – certificate expires in 5 days");
    expect(received?.raw).toMatch(/^From: Port443 <alerts@port443\.test>\r$/m);
    expect(received?.raw).toMatch(/^To: ops@example\.com\r$/m);
    expect(received?.raw).toMatch(/^X-Port443-Alert: expiry:5\r$/m);
    expect(received?.raw).toContain(`Message-ID: ${messageId}`);
    expect(received?.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(received?.text).toBe(message.text);
    expect(received?.html).toBe(message.html);
  });

  it("verifies the connection", async () => {
    const smtp = await server();
    await expect(mailer(smtp.url).verify()).resolves.toBeUndefined();
  });

  it("logs in with the credentials in the URL, percent-decoded", async () => {
    const smtp = await server();
    const authed = mailer(`smtp://alerts:p%40ss@127.0.0.1:${smtp.port}`);
    await authed.send(await email());
    await smtp.waitFor(1);
    expect(smtp.messages[0]?.auth).toEqual({ username: "alerts", password: "p@ss" });
  });

  it("throws a transient error on a 451 and delivers on the retry", async () => {
    const smtp = await server({ failFirst: 1 });
    const client = mailer(smtp.url);

    const error = await failure(client.send(await email()));
    expect(error.responseCode).toBe(451);
    expect(isPermanentSmtpError(error)).toBe(false);
    expect(smtp.messages).toHaveLength(0);

    await client.send(await email());
    await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
  });

  it("throws a permanent error on a 550", async () => {
    const smtp = await server({ rejectWith: 550 });
    const error = await failure(mailer(smtp.url).send(await email()));
    expect(error.responseCode).toBe(550);
    expect(isPermanentSmtpError(error)).toBe(true);
    expect(smtp.messages).toHaveLength(0);
  });

  it("throws a transient connection error quickly while the server is down, and recovers", async () => {
    const smtp = await server();
    const client = mailer(smtp.url, 2_000);
    await smtp.stop();

    const started = performance.now();
    const error = await failure(client.send(await email()));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe("ESOCKET");
    expect(isPermanentSmtpError(error)).toBe(false);

    await smtp.start();
    await client.send(await email());
    await smtp.waitFor(1);
  });

  it("gives up on a server that never greets after timeoutMs", async () => {
    const silent = net.createServer(() => {});
    const sockets = new Set<net.Socket>();
    silent.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanup.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as net.AddressInfo;

    const started = performance.now();
    const error = await failure(mailer(`smtp://127.0.0.1:${port}`, 300).send(await email()));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe("ETIMEDOUT");
    expect(isPermanentSmtpError(error)).toBe(false);
  });

  it("refuses a URL that is not smtp:// or smtps:// without echoing it", () => {
    expect(() => createMailer({ smtpUrl: "https://alerts:hunter2@mail.example.com", from })).toThrow(
      /^SMTP URL must look like smtp:\/\/user:pass@host:port/,
    );
    expect(() => createMailer({ smtpUrl: "not a url hunter2", from })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});

describe("isPermanentSmtpError", () => {
  it.each([
    [null, false],
    ["550 rejected", false],
    [new Error("boom"), false],
    [Object.assign(new Error("451"), { responseCode: 451, permanent: false }), false],
    [Object.assign(new Error("550"), { responseCode: 550, permanent: true }), true],
  ])("%s → %s", (error, permanent) => {
    expect(isPermanentSmtpError(error)).toBe(permanent);
  });
});
