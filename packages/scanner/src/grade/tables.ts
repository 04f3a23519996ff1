import type { ProtocolId } from "../protocols";
import { type Grade, grades } from "../report";

/** SSL Labs Server Rating Guide: scores per category, as tables. */
export const protocolScore: Record<ProtocolId, number> = {
  sslv2: 0,
  sslv3: 80,
  tls1_0: 90,
  tls1_1: 95,
  tls1_2: 100,
  tls1_3: 100,
};

/** Key-exchange strength (RSA-equivalent bits) → score; the first row whose bound is above wins. */
export const keyExchangeScore: { below: number; score: number }[] = [
  { below: 512, score: 20 },
  { below: 1024, score: 40 },
  { below: 2048, score: 80 },
  { below: 4096, score: 90 },
  { below: Number.POSITIVE_INFINITY, score: 100 },
];

/** Symmetric cipher strength (bits) → score. */
export const cipherScore: { below: number; score: number }[] = [
  { below: 1, score: 0 },
  { below: 128, score: 20 },
  { below: 256, score: 80 },
  { below: Number.POSITIVE_INFINITY, score: 100 },
];

/** RSA-equivalent strength of elliptic-curve groups (NIST SP 800-57). */
export const groupRsaEquivalent: Record<string, number> = {
  x25519: 3072,
  X25519: 3072,
  secp256r1: 3072,
  prime256v1: 3072,
  "P-256": 3072,
  x448: 7680,
  X448: 7680,
  secp384r1: 7680,
  "P-384": 7680,
  secp521r1: 15360,
  "P-521": 15360,
  X25519MLKEM768: 3072,
  SecP256r1MLKEM768: 3072,
  SecP384r1MLKEM1024: 7680,
};

/** Total score → letter. */
export const scoreGrades: { atLeast: number; grade: Grade }[] = [
  { atLeast: 80, grade: "A" },
  { atLeast: 65, grade: "B" },
  { atLeast: 50, grade: "C" },
  { atLeast: 35, grade: "D" },
  { atLeast: 20, grade: "E" },
  { atLeast: 0, grade: "F" },
];

/** Letters from best to worst: the report's grade order without T and M, which override rather than rank. */
export const letterOrder: Grade[] = grades.filter((grade) => grade !== "T" && grade !== "M");

export const HSTS_LONG_SECONDS = 15_768_000;
