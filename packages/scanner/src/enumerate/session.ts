import { createLimiter, type Limiter } from "@port443/net";
import type { ProtocolId } from "../protocols";
import { buildClientHello, type ClientHelloOptions, type TlsProtocolId } from "../wire/client-hello";
import { ExtensionType } from "../wire/extension-types";
import { groupName } from "../wire/groups";
import { probe } from "../wire/probe";
import type { ProbeResult, ProbeUntil, ServerHelloResult } from "../wire/probe-result";
import type { EnumerateOptions, IncompleteStep } from "./types";

/** What offering a list of suites came to. */
export type Offer =
  /** `code` may be one that was not offered (a broken server): callers check. */
  | { kind: "chosen"; code: number; hello: ServerHelloResult }
  /** The server declined: an alert, a hang-up, or a ServerHello for another version. */
  | { kind: "refused"; reason: string; alert?: number }
  /** Nothing usable came back (timeout, garbage, network error); worth reporting. */
  | { kind: "failed"; reason: string };

export type OfferExtras = Pick<ClientHelloOptions, "groups" | "keyShareGroups"> & { until?: ProbeUntil };

type Failure = Exclude<ProbeResult, { type: "server_hello" | "alert" | "closed" }>;

const failureReasons: { [K in Failure["type"]]: (result: Extract<Failure, { type: K }>) => string } = {
  timeout: (result) => `timed out ${result.phase === "connect" ? "connecting" : "waiting for an answer"}`,
  not_tls: (result) => `not a TLS answer: ${result.detail}`,
  refused: () => "connection refused",
  error: (result) => result.detail,
  sslv2_server_hello: () => "answered a TLS ClientHello in SSLv2",
};

/** Why a probe result is no answer at all; undefined for answers (ServerHello, alert, hang-up). */
export function failureReason(result: ProbeResult): string | undefined {
  if (result.type === "server_hello" || result.type === "alert" || result.type === "closed") return undefined;
  return (failureReasons[result.type] as (result: Failure) => string)(result);
}

/** Everything one enumeration shares: the connection limit, counters and what was learned on the way. */
export class Session {
  probes = 0;
  private readonly unfinished = new Map<string, string>();
  /**
   * What every TLS 1.0–1.2 ServerHello answered to our offer of renegotiation_info (RFC 5746) and
   * extended_master_secret (RFC 7627), which every probe sends: one without is enough to tell.
   */
  readonly legacyHellos = { seen: false, secureRenegotiation: true, extendedMasterSecret: true };
  readonly groups = new Set<string>();
  readonly dhBits: number[] = [];
  /** TLS 1.3 groups the server already took a key share for (or asked one for in a HelloRetryRequest). */
  readonly keyShareGroups = new Set<number>();
  /** Per protocol: does the server cope with ClientHellos offering more than 128 suites? */
  readonly longHellos = new Map<ProtocolId, boolean>();
  private readonly limit: Limiter;

  constructor(readonly options: EnumerateOptions) {
    this.limit = createLimiter(Math.max(1, options.concurrency ?? 4));
  }

  get aborted(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  send(hello: Buffer, until?: ProbeUntil): Promise<ProbeResult> {
    const { address, port, servername, timeoutMs, signal } = this.options;
    return this.limit(() => {
      if (signal?.aborted) return Promise.resolve<ProbeResult>({ type: "error", detail: "aborted" });
      this.probes++;
      return probe({ address, port, servername, hello, until, timeoutMs, signal });
    });
  }

  async offer(protocol: TlsProtocolId, suites: readonly number[], extras: OfferExtras = {}): Promise<Offer> {
    const { until, ...hello } = extras;
    const result = await this.send(
      buildClientHello({
        version: protocol,
        cipherSuites: suites,
        servername: this.options.servername,
        ...hello,
      }),
      until,
    );
    if (result.type === "alert") return { kind: "refused", reason: result.description, alert: result.code };
    if (result.type === "closed") return { kind: "refused", reason: "closed" };
    if (result.type !== "server_hello")
      return { kind: "failed", reason: failureReason(result) ?? result.type };
    if (result.version !== protocol) return { kind: "refused", reason: `answered with ${result.version}` };
    this.learn(result);
    return { kind: "chosen", code: result.cipherSuite, hello: result };
  }

  /** A step that did not finish (the first reason for it is kept). */
  incomplete(step: string, reason: string): void {
    if (!this.unfinished.has(step)) this.unfinished.set(step, reason);
  }

  get incompleteSteps(): IncompleteStep[] {
    return [...this.unfinished].map(([step, reason]) => ({ step, reason }));
  }

  /** What the ServerKeyExchange of one chosen suite showed: its ECDHE curve or DH prime size. */
  learnKeyExchange(hello: ServerHelloResult): void {
    if (hello.ecdheGroup !== undefined) this.groups.add(groupName(hello.ecdheGroup));
    if (hello.dhBits !== undefined) this.dhBits.push(hello.dhBits);
  }

  private learn(hello: ServerHelloResult): void {
    if (hello.version === "tls1_0" || hello.version === "tls1_1" || hello.version === "tls1_2") {
      this.legacyHellos.secureRenegotiation &&= hello.secureRenegotiation;
      this.legacyHellos.extendedMasterSecret &&= hello.extensions.includes(
        ExtensionType.extendedMasterSecret,
      );
      this.legacyHellos.seen = true;
    }
    if (hello.group === undefined) return;
    this.groups.add(groupName(hello.group));
    if (hello.version === "tls1_3") this.keyShareGroups.add(hello.group);
  }
}
