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
 * CVE-2011-1473: a server that lets the client renegotiate redoes the costly part of a handshake
 * (its private-key operation) whenever asked, on one connection and without limit, which
 * makes a cheap DoS lever (thc-ssl-dos). TLS 1.3 has no renegotiation.
 */
export const clientRenegotiation: VulnCheck = {
  id: "vuln.client_renegotiation",
  applies: (context) => newestLegacy(context) !== undefined,
  async run(target) {
    const connected = await connectTls(target, "legacy");
    if (!connected.ok)
      return { status: "incomplete", reason: `could not complete a handshake: ${connected.reason}` };
    const { socket, protocol } = connected.connection;
    const sent = `a client-initiated renegotiation on a ${protocolLabel(protocol)} connection`;
    const result = await renegotiate(socket, target.timeoutMs);
    socket.destroy();
    if (result.kind === "timeout")
      return { status: "incomplete", reason: `sent ${sent}; no answer within ${target.timeoutMs} ms` };
    return result.kind === "accepted"
      ? {
          status: "vulnerable",
          detail: `Sent ${sent}: the server accepted it and completed a second handshake, a lever for denial of service.`,
        }
      : { status: "ok", detail: `Sent ${sent}: the server refused it (${result.how}).` };
  },
};
