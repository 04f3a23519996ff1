import { type CipherSuite, cipherSuiteByName } from "../data/cipher-suites";
import { wireVersionOf } from "../protocols";
import { buildClientHello, type TlsProtocolId } from "../wire/client-hello";
import { legacyVersions, protocolLabel } from "./offer";
import {
  describeRobotAnswer,
  type RobotAnswer,
  type RobotFlow,
  type RobotOffer,
  robotExchange,
} from "./robot-exchange";
import { type RobotVariant, robotVariants } from "./robot-variants";
import type { VulnCheck, VulnContext, VulnOutcome, VulnTarget } from "./types";

/**
 * How long to wait for the answer to a ClientKeyExchange. A patched server answers at once (or,
 * in the shortened flow, waits for the rest of the handshake), but silence is an oracle signal too,
 * so the wait cannot be much shorter than a slow server's reply.
 */
const ANSWER_WAIT_MS = 2_000;
/** The confirming run waits longer, so a slow answer is not mistaken for silence (testssl.sh's rerun). */
const CONFIRM_WAIT_MS = 4_000;
/** Connections open at once in the full flow, which a patched server answers at once: gentle on it. */
const PARALLEL = 3;
/**
 * The shortened flow: a patched server waits for the rest of the handshake, so silence is the
 * usual answer. All five wait at once, and for less: an oracle there answers a broken block at
 * once (one round trip), and two batches of full waits cost every scan of an RSA server seconds.
 * An answer slower than this reads as silence for every variant alike: no difference, no finding.
 */
const SHORTENED_WAIT_MS = 500;

/** RSA key transport with the certificate's key: not RSA_PSK, and not export suites, whose key is ephemeral. */
const isRsaTransport = (suite: CipherSuite | undefined): suite is CipherSuite =>
  suite?.kex === "RSA" && suite.auth === "RSA" && !suite.export;

/** The newest of TLS 1.0–1.2 with RSA key transport suites accepted, and those suites. */
function rsaTransport(context: VulnContext): { version: TlsProtocolId; suites: number[] } | undefined {
  for (const version of legacyVersions) {
    if (!context.protocols[version]) continue;
    const suites = (context.ciphers[version] ?? []).map(cipherSuiteByName).filter(isRsaTransport);
    if (suites.length) return { version, suites: suites.map((suite) => suite.code) };
  }
  return undefined;
}

type Round =
  | { type: "answers"; answers: RobotAnswer[] }
  | { type: "not_rsa"; keyType: string }
  | { type: "failed"; reason: string };

/**
 * Each variant on its own connection, PARALLEL at a time, in variant order. The first connection
 * that fails stops new ones from starting: one failure already makes the result incomplete.
 */
async function round(
  target: VulnTarget,
  offer: RobotOffer,
  flow: RobotFlow,
  waitMs: number,
  parallel = PARALLEL,
): Promise<Round> {
  const answers: RobotAnswer[] = [];
  let stopped: Exclude<Round, { type: "answers" }> | undefined;
  let next = 0;
  const worker = async () => {
    while (!stopped && next < robotVariants.length) {
      const index = next++;
      const variant = robotVariants[index]!.id;
      const result = await robotExchange(target, offer, variant, flow, waitMs);
      if (result.type === "answered") answers[index] = result.answer;
      else
        stopped ??=
          result.type === "failed"
            ? { type: "failed", reason: `with ${labelOf(variant)}, ${result.reason}` }
            : result;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return stopped ?? { type: "answers", answers };
}

const labelOf = (variant: RobotVariant) => robotVariants.find((entry) => entry.id === variant)!.label;
const keys = (answers: RobotAnswer[]) => answers.map(describeRobotAnswer);
const allSame = (answers: RobotAnswer[]) => new Set(keys(answers)).size === 1;

const flowWords: Record<RobotFlow, string> = {
  full: "each followed by ChangeCipherSpec and a garbage Finished",
  shortened: "sent alone, without ChangeCipherSpec and Finished",
};

const listed = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");

/** "with A and with B got X; with C, Y": the variants grouped by the answer they got. */
function answerSentence(answers: RobotAnswer[]): string {
  const groups = new Map<string, string[]>();
  answers.forEach((answer, index) => {
    const key = describeRobotAnswer(answer);
    groups.set(key, [...(groups.get(key) ?? []), `with ${robotVariants[index]!.label}`]);
  });
  return [...groups]
    .map(([answer, variants], index) => `${listed(variants)}${index === 0 ? " got" : ","} ${answer}`)
    .join("; ");
}

/**
 * robot-detect's measure: when the three malformed blocks all get the same answer, only a fully
 * well-formed premaster stands out, and the attack needs too many queries to be practical.
 */
function strength(answers: RobotAnswer[]): string {
  const [, wrongFirst, misplaced, missing] = keys(answers);
  return wrongFirst === misplaced && misplaced === missing
    ? "a weak oracle (only well-formed padding stands out; the attack would take very long)"
    : "a strong oracle (decrypting or signing with the server's key is practical)";
}

function notDone(result: Exclude<Round, { type: "answers" }>, sent: string): VulnOutcome {
  return result.type === "not_rsa"
    ? {
        status: "not_applicable",
        detail: `The certificate's key is ${result.keyType.toUpperCase()}, not RSA: no RSA key transport.`,
      }
    : { status: "incomplete", reason: `probing with ${sent}: ${result.reason}` };
}

/**
 * ROBOT (Return Of Bleichenbacher's Oracle Threat, CVE-2017-13099 and kin), following testssl.sh's
 * run_robot: five ClientKeyExchange blocks, one correct and four broken in ways a Bleichenbacher
 * oracle tells apart, on connections of their own. Identical answers mean no oracle; if the full
 * flow shows none, the shortened one is tried. Differing answers are confirmed by a second run with
 * a longer wait, and only answers that repeat exactly count as vulnerable.
 */
export const robot: VulnCheck = {
  id: "vuln.robot",
  applies: (context) => rsaTransport(context) !== undefined,
  async run(target, context) {
    const transport = rsaTransport(context);
    if (!transport)
      return {
        status: "not_applicable",
        detail: "No RSA key transport suite was accepted under TLS 1.0–1.2.",
      };
    const offer: RobotOffer = {
      hello: buildClientHello({
        version: transport.version,
        cipherSuites: transport.suites,
        servername: target.servername,
      }),
      clientVersion: wireVersionOf(transport.version),
      suites: transport.suites,
    };
    const waitMs = Math.min(ANSWER_WAIT_MS, target.timeoutMs);
    const sent = (flow: RobotFlow) =>
      `${protocolLabel(transport.version)} ClientKeyExchange variants ${flowWords[flow]}`;

    const full = await round(target, offer, "full", waitMs);
    if (full.type !== "answers") return notDone(full, sent("full"));
    let flow: RobotFlow = "full";
    let first = full.answers;
    if (allSame(first)) {
      const shortened = await round(
        target,
        offer,
        "shortened",
        Math.min(SHORTENED_WAIT_MS, waitMs),
        robotVariants.length,
      );
      if (shortened.type !== "answers") return notDone(shortened, sent("shortened"));
      if (allSame(shortened.answers))
        return {
          status: "ok",
          detail: `All five ClientKeyExchange variants (correct and broken PKCS#1 padding) got ${describeRobotAnswer(first[0]!)} when followed by ChangeCipherSpec and Finished, and ${describeRobotAnswer(shortened.answers[0]!)} when sent alone.`,
        };
      flow = "shortened";
      first = shortened.answers;
    }

    const confirm = await round(
      target,
      offer,
      flow,
      Math.max(waitMs, Math.min(CONFIRM_WAIT_MS, target.timeoutMs)),
    );
    if (confirm.type !== "answers") return notDone(confirm, sent(flow));
    if (keys(confirm.answers).join() !== keys(first).join())
      return {
        status: "incomplete",
        reason: `probing with ${sent(flow)}: the answers differed but did not repeat (first: ${answerSentence(first)}; then: ${answerSentence(confirm.answers)})`,
      };
    return {
      status: "vulnerable",
      detail: `${protocolLabel(transport.version)} ClientKeyExchange ${answerSentence(first)} (${flowWords[flow]}, the same on a second run): ${strength(first)}.`,
    };
  },
};
