import type { ScanFailure } from "../net/scan-error";
import { closeRead, finishRead, openRead } from "./handshake-read";
import { readPlaintext } from "./plaintext-read";
import { isFailure, type Read, type ReadTarget } from "./read";
import { sameChain } from "./same-chain";
import type { WatchMode } from "./types";

export type AddressRead = { mode: WatchMode; read: Read } | { failure: ScanFailure };

async function handshakeMode(target: ReadTarget): Promise<AddressRead> {
  const opened = await openRead(target);
  if (isFailure(opened)) return { failure: opened.failure };
  return { mode: "handshake", read: await finishRead(opened, target) };
}

/**
 * Both ways at once, for an address seen for the first time: plaintext when that read worked and
 * served the chain the handshake got, else the handshake (TLS 1.3 only, another chain for TLS
 * 1.3 clients, or a TLS 1.2 hello refused).
 */
async function calibrate(target: ReadTarget): Promise<AddressRead> {
  const [plain, opened] = await Promise.all([readPlaintext(target), openRead(target)]);
  if (isFailure(opened))
    return isFailure(plain) ? { failure: opened.failure } : { mode: "plaintext", read: plain };
  if (!isFailure(plain) && sameChain(plain.certificates, opened.result.certificates)) {
    closeRead(opened);
    return { mode: "plaintext", read: plain };
  }
  return { mode: "handshake", read: await finishRead(opened, target) };
}

/**
 * One address read the way it was read last time (one connection), or calibrated when `mode` is
 * unknown. A plaintext address that now refuses the plaintext read but completes a handshake is
 * read by handshake, and says so, so that the caller remembers it.
 */
export async function readAddress(target: ReadTarget, mode: WatchMode | undefined): Promise<AddressRead> {
  if (mode === undefined) return calibrate(target);
  if (mode === "handshake") return handshakeMode(target);
  const plain = await readPlaintext(target);
  if (!isFailure(plain)) return { mode: "plaintext", read: plain };
  return plain.reachable ? handshakeMode(target) : { failure: plain.failure };
}
