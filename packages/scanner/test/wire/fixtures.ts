import { readFileSync } from "node:fs";

/** A hex fixture from test/fixtures/wire: whitespace and # comments are ignored. */
export function hexFixture(name: string): Buffer {
  const text = readFileSync(new URL(`../fixtures/wire/${name}`, import.meta.url), "utf8");
  return Buffer.from(text.replace(/#.*$/gm, "").replace(/\s+/g, ""), "hex");
}

/** Deterministic stand-in for randomBytes: every byte is `value`. */
export const filled =
  (value: number) =>
  (size: number): Buffer =>
    Buffer.alloc(size, value);

/** The body of the first handshake message in a TLS record (5-byte record header, 4-byte message header). */
export const firstMessageBody = (record: Buffer): Buffer => record.subarray(9, 9 + record.readUIntBE(6, 3));
