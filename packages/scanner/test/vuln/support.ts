import type { ProtocolId } from "../../src/protocols";
import type { VulnTarget } from "../../src/vuln/types";

/** A probe's target on loopback, under the test chain leaf's name. */
export const loopback = (port: number, timeoutMs: number): VulnTarget => ({
  address: "127.0.0.1",
  port,
  servername: "leaf.test",
  timeoutMs,
  signal: new AbortController().signal,
});

/** A context's protocols: those named accepted, every other refused. */
export const accepting = (...accepted: ProtocolId[]): Record<ProtocolId, boolean> => ({
  sslv2: accepted.includes("sslv2"),
  sslv3: accepted.includes("sslv3"),
  tls1_0: accepted.includes("tls1_0"),
  tls1_1: accepted.includes("tls1_1"),
  tls1_2: accepted.includes("tls1_2"),
  tls1_3: accepted.includes("tls1_3"),
});
