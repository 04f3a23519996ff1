import { randomBytes } from "node:crypto";

/**
 * An RFC 9562 version-7 UUID (Unix milliseconds, then random bits), what the schema's
 * `@default(uuid(7))` generates in the client: for rows written with raw SQL, which never see
 * Prisma's defaults.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
