import type tls from "node:tls";
import { newestLegacy, protocolLabel } from "./offer";
import { connectTls } from "./tls-client";
import type { VulnCheck } from "./types";

type Renegotiation = { kind: "accepted" } | { kind: "refused"; how: string } | { kind: "timeout" };

/**
 * Asks for a new handshake on an established connection and waits, bounded, for how it ends: the
 * second handshake completing (a new Finished), an error or alert, or the server hanging up.
 */
function renegotiate(socket: tls.TLSSocket, timeoutMs: number): Promise<Renegotiation> {
  return new Promise((resolve) => {
    const before = socket.getFinished();
    const done = (result: Renegotiation) => {
      clearTimeout(timer);
      socket.off("error", onError).off("close", onClose);
      resolve(result);
    };
    const onError = (error: NodeJS.ErrnoException) =>
      done({ kind: "refused", how: `the connection failed with ${error.code ?? error.message}` });
    const onClose = () => done({ kind: "refused", how: "it closed the connection" });
    const timer = setTimeout(() => done({ kind: "timeout" }), timeoutMs);
    socket.once("error", onError).once("close", onClose);
    const started = socket.renegotiate({ rejectUnauthorized: false }, (error) => {
      if (error) return onError(error);
      const after = socket.getFinished();
      done(
        before && after && !after.equals(before)
          ? { kind: "accepted" }
          : { kind: "refused", how: "the handshake reported done without a new Finished" },
      );
    });
    if (!started) done({ kind: "refused", how: "the connection could not start one" });
  });
}

/**
 * As many renegotiations as it takes to tell "without limit" from "a few, then refused", as
 * testssl.sh does: Node, for one, allows three per connection in ten minutes and then stops
 * answering, a limit that takes the lever away.
 */
const ATTEMPTS = 4;
/**
 * A renegotiation costs what a handshake costs; after the first, one that takes five times the
 * slowest of those seen on this connection, handshake included (and at least this), is not
 * coming: that is how a limiting server says no. A loaded machine slows them all alike.
 */
const LATER_WAIT_MIN_MS = 50;

/**
 * CVE-2011-1473: a server that lets the client renegotiate redoes the costly part of a handshake
 * (its private-key operation) whenever asked, on one connection and without limit, which
 * makes a cheap DoS lever (thc-ssl-dos). TLS 1.3 has no renegotiation.
 */
export const clientRenegotiation: VulnCheck = {
  id: "vuln.client_renegotiation",
  applies: (context) => newestLegacy(context) !== undefined,
  async run(target) {
    const deadline = Date.now() + target.timeoutMs;
    const connecting = Date.now();
    const connected = await connectTls(target, "legacy");
    if (!connected.ok)
      return { status: "incomplete", reason: `could not complete a handshake: ${connected.reason}` };
    const { socket, protocol } = connected.connection;
    const sent = `client-initiated renegotiations on a ${protocolLabel(protocol)} connection`;
    let slowest = Date.now() - connecting;
    try {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const left = Math.max(1, deadline - Date.now());
        const wait = attempt === 1 ? left : Math.min(left, Math.max(LATER_WAIT_MIN_MS, 5 * slowest));
        const started = Date.now();
        const result = await renegotiate(socket, wait);
        slowest = Math.max(slowest, Date.now() - started);
        if (result.kind === "timeout" && attempt === 1)
          return { status: "incomplete", reason: `sent ${sent}; no answer to the first within ${wait} ms` };
        if (result.kind !== "accepted") {
          const how = result.kind === "timeout" ? `no answer to the next within ${wait} ms` : result.how;
          return {
            status: "ok",
            detail:
              attempt === 1
                ? `Sent ${sent}: the server refused the first (${how}).`
                : `Sent ${sent}: the server allowed ${attempt - 1}, then stopped (${how}), a limit that takes the DoS lever away.`,
          };
        }
      }
      return {
        status: "vulnerable",
        detail: `Sent ${ATTEMPTS} ${sent}: the server completed every one, a lever for denial of service.`,
      };
    } finally {
      socket.destroy();
    }
  },
};
