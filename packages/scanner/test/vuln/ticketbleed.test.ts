import {
  createChain,
  type IssuedCert,
  startOpensslServer,
  startTicketbleedFake,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ticketbleed } from "../../src/vuln/ticketbleed";
import type { VulnContext } from "../../src/vuln/types";
import { closedAfterEach } from "../support/scan-case";
import { accepting, loopback } from "./support";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

const context = (tls1_2: boolean): VulnContext => ({
  protocols: tls1_2 ? accepting("tls1_2", "tls1_3") : accepting("tls1_3"),
  ciphers: {},
});

const run = (port: number) => ticketbleed.run(loopback(port, 2_000), context(true));

/** A real Node TLS server: its tickets are the ones the probe resumes with. */
const realServer = () => serve(startTlsServer({ chain: [chain.leaf, chain.intermediate], noHttp: true }));

describe("Ticketbleed (CVE-2016-9244)", () => {
  it("a server padding the short session id with changing bytes leaks memory", async () => {
    const real = await realServer();
    const fake = await serve(startTicketbleedFake({ upstreamPort: real.port, vulnerable: true }));
    expect(await run(fake.port)).toEqual({
      status: "vulnerable",
      detail: expect.stringContaining("last 16 bytes changed, leaking 16 bytes"),
    });
    // Three resumptions were answered by the fake; the handshake that got the ticket was real.
    expect(fake.taken).toBe(3);
    expect(real.connections).toBe(1);
  });

  it("its patched twin echoes the id as sent: one resumption settles it", async () => {
    const real = await realServer();
    const fake = await serve(startTicketbleedFake({ upstreamPort: real.port, vulnerable: false }));
    expect(await run(fake.port)).toEqual({
      status: "ok",
      detail: expect.stringContaining("16-byte session id: the server echoed the id as sent"),
    });
    expect(fake.taken).toBe(1);
  });

  it("OpenSSL behind Node resumes its own ticket and echoes the short id", async () => {
    const real = await realServer();
    expect(await run(real.port)).toEqual({
      status: "ok",
      detail:
        "Sent a TLS 1.2 hello resuming the server's session ticket with a 16-byte session id: the server echoed the id as sent.",
    });
  });

  it("a server issuing no tickets (openssl s_server -no_ticket) cannot have the bug", async () => {
    const server = await startOpensslServer([chain.leaf, chain.intermediate], ["-no_ticket", "-www"]);
    try {
      expect(await run(server.port)).toEqual({
        status: "not_applicable",
        detail: "A TLS 1.2 handshake got no session ticket: the server issues none.",
      });
    } finally {
      await server.close();
    }
  });

  it("is not probed on a TLS 1.3-only server, whose tickets work otherwise", () => {
    expect(ticketbleed.applies(context(true))).toBe(true);
    expect(ticketbleed.applies(context(false))).toBe(false);
  });

  it("a server that is gone leaves it incomplete, not ok", async () => {
    const gone = await realServer();
    await gone.close();
    expect(await run(gone.port)).toMatchObject({
      status: "incomplete",
      reason: expect.stringContaining("could not complete a handshake to obtain a ticket"),
    });
  });
});
