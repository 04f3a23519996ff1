/** Secrets published with the project, which any attacker knows: docker-compose.yml's placeholder. */
const PUBLISHED_SECRETS = new Set(["change-me-to-32-or-more-random-characters"]);

/** What signing secrets need in production: 16 random bytes. */
export const MIN_SECRET_BITS = 128;

/** A repeat or an ascending/descending run this long costs about one character, not its length. */
const PATTERN_LENGTH = 6;

/** Characters looked at: past this, any secret that has not reached 128 bits is not random anyway. */
const ANALYSED_LENGTH = 256;

/**
 * The alphabet the secret seems drawn from: digits, hex digits of one case, or else the character
 * classes it uses. Capped at twice the distinct characters seen, so a long secret of
 * few distinct characters ("abab…", "a1a1…") is not credited with a whole class.
 */
function alphabetSize(chars: string[]): number {
  const text = chars.join("");
  const classes = /^[0-9]+$/.test(text)
    ? 10
    : /^[0-9a-f]+$/.test(text) || /^[0-9A-F]+$/.test(text)
      ? 16
      : (/[a-z]/.test(text) ? 26 : 0) +
        (/[A-Z]/.test(text) ? 26 : 0) +
        (/[0-9]/.test(text) ? 10 : 0) +
        (/[^a-zA-Z0-9]/.test(text) ? 33 : 0);
  return Math.min(classes, 2 * new Set(chars).size);
}

/** Length of the run from `start` stepping by one code point up or down ("abcdef", "987654"). */
function runLength(codes: number[], start: number): number {
  const step = codes[start + 1]! - codes[start]!;
  if (Math.abs(step) !== 1) return 1;
  let end = start + 1;
  while (end + 1 < codes.length && codes[end + 1]! - codes[end]! === step) end++;
  return end - start + 1;
}

/** Length of the longest earlier copy of the text at `start` (it may overlap: "aaaa…", "abab…"). */
function repeatLength(codes: number[], start: number): number {
  let longest = 0;
  for (let from = 0; from < start; from++) {
    let length = 0;
    while (start + length < codes.length && codes[from + length] === codes[start + length]) length++;
    longest = Math.max(longest, length);
  }
  return longest;
}

/**
 * A rough estimate of a secret's entropy in bits: characters that no repeat or run explains,
 * times the bits per character of its alphabet. It catches repeats, runs and too few distinct
 * characters; words are beyond it (hence the check against published placeholders).
 */
export function estimateSecretBits(secret: string): number {
  const chars = [...secret].slice(0, ANALYSED_LENGTH);
  const codes = chars.map((char) => char.codePointAt(0)!);
  let unexplained = 0;
  for (let index = 0; index < codes.length; ) {
    const pattern = Math.max(runLength(codes, index), repeatLength(codes, index));
    unexplained++;
    index += pattern >= PATTERN_LENGTH ? pattern : 1;
  }
  return Math.floor(unexplained * Math.log2(Math.max(alphabetSize(chars), 1)));
}

/** Why `secret` must not sign anything in production, or undefined when it may. */
export function weakSecretReason(variable: string, secret: string): string | undefined {
  const advice = "generate one with `openssl rand -base64 32`";
  if (PUBLISHED_SECRETS.has(secret))
    return `${variable} is the placeholder from docker-compose.yml; ${advice}`;
  const bits = estimateSecretBits(secret);
  if (bits < MIN_SECRET_BITS)
    return `${variable} is too easy to guess (about ${bits} bits, ${MIN_SECRET_BITS} needed: too few distinct characters, repeats or runs); ${advice}`;
  return undefined;
}
