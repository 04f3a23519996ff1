import { BlockedAddressError } from "@port443/net";
import type { ErrorCode, ScanError } from "../report";

/** A scan that could not produce a report: the code is part of the JSON contract. */
export class ScanFailure extends Error {
  override name = "ScanFailure";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const NOT_TLS =
  /WRONG_VERSION_NUMBER|packet length too long|unknown protocol|record layer failure|http request/i;

/** Maps what Node's net/tls layer throws onto the contract's error codes. */
export function toScanFailure(error: unknown): ScanFailure {
  if (error instanceof ScanFailure) return error;
  const { code = "", message = String(error) } = error as NodeJS.ErrnoException;
  if (code === "ECONNREFUSED") return new ScanFailure("connection_refused", "connection refused");
  if (["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"].includes(code)) {
    return new ScanFailure("connection_refused", `no route to host (${code})`);
  }
  if (code === "ETIMEDOUT" || code === "ABORT_ERR" || /timeout|timed out/i.test(message)) {
    return new ScanFailure("timeout", message);
  }
  if (NOT_TLS.test(code) || NOT_TLS.test(message))
    return new ScanFailure("not_tls", `the server did not speak TLS (${message})`);
  return new ScanFailure("tls_handshake_failed", message || code);
}

/** Any failure as the report's error: a policy refusal names only the class of the address. */
export function scanErrorOf(error: unknown): ScanError {
  if (error instanceof BlockedAddressError) return { code: "blocked_address", message: error.message };
  const failure = toScanFailure(error);
  return { code: failure.code, message: failure.message };
}
