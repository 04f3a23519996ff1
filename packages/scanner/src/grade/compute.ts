import { type Analysis, allSuites } from "../analysis";
import { protocolIds } from "../protocols";
import type { Grade, GradeCap } from "../report";
import { gradeCaps } from "./caps";
import {
  cipherScore,
  groupRsaEquivalent,
  HSTS_LONG_SECONDS,
  keyExchangeScore,
  letterOrder,
  protocolScore,
  scoreGrades,
} from "./tables";

export interface GradeResult {
  grade: Grade;
  caps: GradeCap[];
  score: { protocol: number; keyExchange: number; cipher: number; total: number } | null;
}

const lookup = (table: { below: number; score: number }[], value: number) =>
  (table.find((row) => value < row.below) ?? table.at(-1)!).score;
const bestWorst = (values: number[]) => (Math.max(...values) + Math.min(...values)) / 2;

/** RSA-equivalent strength of one accepted suite's key exchange. */
function keyExchangeStrength(
  analysis: Analysis,
  suite: ReturnType<typeof allSuites>[number],
  groups: string[],
): number {
  if (suite.anonymous) return 0;
  if (suite.export) return 512;
  if (suite.kex === "DHE" || suite.kex === "DH") return analysis.dhBits ?? 1024;
  if (suite.kex === "ECDHE" || suite.kex === "ECDH" || suite.tls13) {
    const strengths = groups
      .map((group) => groupRsaEquivalent[group])
      .filter((bits): bits is number => bits !== undefined);
    return strengths.length ? Math.min(...strengths) : 3072;
  }
  const { keyType, keyBits } = analysis.leaf.info(analysis.now);
  return keyType === "EC" ? (keyBits >= 384 ? 7680 : 3072) : keyBits;
}

function score(analysis: Analysis, groups: string[]) {
  const suites = allSuites(analysis);
  const supported = protocolIds.filter((protocol) => analysis.protocols[protocol]);
  if (!suites.length || !supported.length) return null;
  const protocol = bestWorst(supported.map((id) => protocolScore[id]));
  const keyExchange = bestWorst(
    suites.map((suite) => lookup(keyExchangeScore, keyExchangeStrength(analysis, suite, groups))),
  );
  const cipher = bestWorst(suites.map((suite) => lookup(cipherScore, suite.bits)));
  return {
    protocol,
    keyExchange,
    cipher,
    total: Math.round(protocol * 0.3 + keyExchange * 0.3 + cipher * 0.4),
  };
}

const worse = (a: Grade, b: Grade) => (letterOrder.indexOf(a) >= letterOrder.indexOf(b) ? a : b);

/** The SSL Labs-style grade: score letter, bounded by every cap that applies; M and T override letters. */
export function computeGrade(analysis: Analysis, groups: string[] = []): GradeResult {
  const scores = score(analysis, groups);
  const caps = gradeCaps
    .filter((cap) => cap.applies(analysis))
    .map(({ grade, reason }) => ({ grade, reason }));
  let letter: Grade = scores
    ? (scoreGrades.find((row) => scores.total >= row.atLeast) ?? scoreGrades.at(-1)!).grade
    : "F";
  for (const cap of caps) if (letterOrder.includes(cap.grade)) letter = worse(letter, cap.grade);
  if (letter === "A" && (analysis.hsts?.maxAge ?? 0) >= HSTS_LONG_SECONDS) letter = "A+";
  const trust = caps.find((cap) => cap.grade === "M") ?? caps.find((cap) => cap.grade === "T");
  return { grade: trust ? trust.grade : letter, caps, score: scores };
}
