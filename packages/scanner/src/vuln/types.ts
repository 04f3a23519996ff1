import type { ProtocolId } from "../protocols";
import type { RuleId } from "../rules/catalog";

/** Where a vulnerability probe connects; each connection gets `timeoutMs` to connect and to read. */
export interface VulnTarget {
  address: string;
  port: number;
  /** SNI, left out for IP literals. */
  servername?: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** What the scan already knows when the probes run: their preconditions are read from it. */
export interface VulnContext {
  protocols: Record<ProtocolId, boolean>;
  /** IANA names of the suites accepted per protocol. */
  ciphers: Partial<Record<ProtocolId, string[]>>;
}

/**
 * A probe's answer. "vulnerable" and "ok" both say what was sent and what came back;
 * "not_applicable" means the precondition turned out absent on the wire (no heartbeat extension,
 * no ticket issued), so the server cannot have the bug; "incomplete" means the probe could not
 * tell (timeout, reset before the telling message) and is never read as "ok".
 */
export type VulnOutcome =
  | { status: "vulnerable"; detail: string }
  | { status: "ok"; detail: string }
  | { status: "not_applicable"; detail: string }
  | { status: "incomplete"; reason: string };

export interface VulnCheck {
  /** The finding id it reports, also the step name when it is incomplete ("vuln.heartbleed"). */
  id: RuleId;
  /** Whether to probe at all: a probe whose precondition is known to be absent is not sent. */
  applies(context: VulnContext): boolean;
  run(target: VulnTarget, context: VulnContext): Promise<VulnOutcome>;
}
