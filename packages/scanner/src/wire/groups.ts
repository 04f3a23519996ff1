import type { ProtocolId } from "../protocols";

export type GroupKind = "ec" | "ffdhe" | "hybrid" | "mlkem";

export interface NamedGroup {
  id: number;
  /** IANA name. */
  name: string;
  /** Key size as scanners report it (x25519 253, secp256r1 256, ffdhe2048 2048; ML-KEM its parameter set). */
  bits: number;
  /** Approximate classical security level in bits. */
  securityBits: number;
  kind: GroupKind;
  /** Usable with TLS ≤ 1.2 (ECDHE/DHE) and with TLS 1.3. */
  tls12: boolean;
  tls13: boolean;
  /** Length of a key share that any random bytes make valid (Montgomery curves only). */
  randomShareLength?: number;
}

type Row = [
  id: number,
  name: string,
  bits: number,
  securityBits: number,
  kind: GroupKind,
  versions: "12" | "13" | "both",
];

/** Supported groups in the order a client offers them: modern first, legacy curves last. */
const rows: Row[] = [
  [0x11ec, "X25519MLKEM768", 253, 192, "hybrid", "13"],
  [0x001d, "x25519", 253, 128, "ec", "both"],
  [0x0017, "secp256r1", 256, 128, "ec", "both"],
  [0x0018, "secp384r1", 384, 192, "ec", "both"],
  [0x0019, "secp521r1", 521, 256, "ec", "both"],
  [0x001e, "x448", 448, 224, "ec", "both"],
  [0x11eb, "SecP256r1MLKEM768", 256, 192, "hybrid", "13"],
  [0x11ed, "SecP384r1MLKEM1024", 384, 256, "hybrid", "13"],
  [0x6399, "X25519Kyber768Draft00", 253, 192, "hybrid", "13"],
  [0x0200, "MLKEM512", 512, 128, "mlkem", "13"],
  [0x0201, "MLKEM768", 768, 192, "mlkem", "13"],
  [0x0202, "MLKEM1024", 1024, 256, "mlkem", "13"],
  [0x001f, "brainpoolP256r1tls13", 256, 128, "ec", "13"],
  [0x0020, "brainpoolP384r1tls13", 384, 192, "ec", "13"],
  [0x0021, "brainpoolP512r1tls13", 512, 256, "ec", "13"],
  [0x001a, "brainpoolP256r1", 256, 128, "ec", "12"],
  [0x001b, "brainpoolP384r1", 384, 192, "ec", "12"],
  [0x001c, "brainpoolP512r1", 512, 256, "ec", "12"],
  [0x0016, "secp256k1", 256, 128, "ec", "12"],
  [0x0015, "secp224r1", 224, 112, "ec", "12"],
  [0x0014, "secp224k1", 224, 112, "ec", "12"],
  [0x0013, "secp192r1", 192, 96, "ec", "12"],
  [0x0012, "secp192k1", 192, 96, "ec", "12"],
  [0x0011, "secp160r2", 160, 80, "ec", "12"],
  [0x0010, "secp160r1", 160, 80, "ec", "12"],
  [0x000f, "secp160k1", 160, 80, "ec", "12"],
  [0x000e, "sect571r1", 571, 256, "ec", "12"],
  [0x000d, "sect571k1", 571, 256, "ec", "12"],
  [0x000c, "sect409r1", 409, 192, "ec", "12"],
  [0x000b, "sect409k1", 409, 192, "ec", "12"],
  [0x000a, "sect283r1", 283, 128, "ec", "12"],
  [0x0009, "sect283k1", 283, 128, "ec", "12"],
  [0x0008, "sect239k1", 239, 112, "ec", "12"],
  [0x0007, "sect233r1", 233, 112, "ec", "12"],
  [0x0006, "sect233k1", 233, 112, "ec", "12"],
  [0x0005, "sect193r2", 193, 96, "ec", "12"],
  [0x0004, "sect193r1", 193, 96, "ec", "12"],
  [0x0003, "sect163r2", 163, 80, "ec", "12"],
  [0x0002, "sect163r1", 163, 80, "ec", "12"],
  [0x0001, "sect163k1", 163, 80, "ec", "12"],
  [0x0100, "ffdhe2048", 2048, 112, "ffdhe", "both"],
  [0x0101, "ffdhe3072", 3072, 128, "ffdhe", "both"],
  [0x0102, "ffdhe4096", 4096, 152, "ffdhe", "both"],
  [0x0103, "ffdhe6144", 6144, 176, "ffdhe", "both"],
  [0x0104, "ffdhe8192", 8192, 200, "ffdhe", "both"],
];

/** Shares made of random bytes are valid public keys only on the Montgomery curves. */
const randomShareLengths: Record<string, number> = { x25519: 32, x448: 56 };

export const namedGroups: readonly NamedGroup[] = rows.map(
  ([id, name, bits, securityBits, kind, versions]) => ({
    id,
    name,
    bits,
    securityBits,
    kind,
    tls12: versions !== "13",
    tls13: versions !== "12",
    randomShareLength: randomShareLengths[name],
  }),
);

const byId = new Map(namedGroups.map((group) => [group.id, group]));
const byName = new Map(namedGroups.map((group) => [group.name, group]));

export const groupById = (id: number): NamedGroup | undefined => byId.get(id);
export const groupByName = (name: string): NamedGroup | undefined => byName.get(name);

/** The IANA name, or UNKNOWN_0x0A0A for a group the table lacks. */
export const groupName = (id: number): string =>
  byId.get(id)?.name ?? `UNKNOWN_0x${id.toString(16).toUpperCase().padStart(4, "0")}`;

export const GROUP_X25519 = 0x001d;

const tls13Groups = namedGroups.filter((group) => group.tls13).map((group) => group.id);
const tls12Groups = namedGroups.filter((group) => group.tls12).map((group) => group.id);

/** The supported_groups a probe for `protocol` offers. */
export const groupsFor = (protocol: ProtocolId): readonly number[] =>
  protocol === "tls1_3" ? tls13Groups : tls12Groups;
