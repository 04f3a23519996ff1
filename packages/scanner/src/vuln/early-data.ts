import { parseSslSession, type SslSession } from "./session-der";
import { connectTls } from "./tls-client";
import type { VulnCheck } from "./types";

/**
 * Tickets follow the client's Finished by one round trip; a server that sends none within this
 * sends none at all (OpenSSL's num_tickets 0), and waiting the whole step budget for it would
 * cost every such scan seconds.
 */
const FIRST_TICKET_MS = 1_500;

/**
 * RFC 8446 §8: data a client sends in its first flight (0-RTT) on a resumed session has no
 * protection against replay, so a request that changes state can be repeated by whoever recorded
 * it. A server announces it accepts such data in each ticket (early_data's max_early_data_size).
 */
export const earlyData: VulnCheck = {
  id: "protocol.early_data",
  applies: (context) => context.protocols.tls1_3,
  async run(target) {
    const connected = await connectTls(target, "tls1_3");
    if (!connected.ok)
      return { status: "incomplete", reason: `could not complete a TLS 1.3 handshake: ${connected.reason}` };
    const { socket, waitForSessions } = connected.connection;
    const firstWait = Math.min(FIRST_TICKET_MS, target.timeoutMs);
    // A server issues its tickets alike, so the first tells; waiting for the rest only slows a scan.
    const sessions = await waitForSessions(firstWait, (seen) => seen.length > 0);
    socket.destroy();
    const tickets: SslSession[] = [];
    for (const session of sessions) {
      const parsed = parseSslSession(session);
      if (!parsed.ok)
        return { status: "incomplete", reason: `a TLS 1.3 session could not be read: ${parsed.detail}` };
      if (parsed.value.ticket) tickets.push(parsed.value);
    }
    const sent = "Completed a TLS 1.3 handshake and read the session tickets that followed";
    const most = Math.max(0, ...tickets.map((ticket) => ticket.maxEarlyData));
    if (most > 0)
      return {
        status: "vulnerable",
        detail: `${sent}: they accept 0-RTT early data (up to ${most} bytes), requests that can be replayed.`,
      };
    return tickets.length
      ? { status: "ok", detail: `${sent}: none of the ${tickets.length} allows early data.` }
      : {
          status: "ok",
          detail: `${sent}: none came within ${firstWait} ms, and without resumption there is no 0-RTT.`,
        };
  },
};
