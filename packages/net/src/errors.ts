import type { AddressKind } from "./address-policy";

/**
 * A connection the address policy refused: a scan reports it as `blocked_address`, a webhook as
 * permanent. Its message names only the class of the address, as it reaches tenants (a domain's
 * last error, a check's answer, a webhook's delivery log), who must not learn what our resolver
 * makes of their names; `address` and `reason` are for the operator's log.
 */
export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  readonly kind: AddressKind;
  readonly reason: string;
  constructor(
    readonly address: string,
    verdict: { kind: AddressKind; reason: string },
  ) {
    super(
      `the host resolves to ${/^[aeiou]/.test(verdict.kind) ? "an" : "a"} ${verdict.kind} address, which is not allowed`,
    );
    this.kind = verdict.kind;
    this.reason = verdict.reason;
  }
}

/** A response cut off at its size bound: the caller names what was too large (a CRL, an issuer). */
export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
  constructor(
    readonly maxBytes: number,
    message = `response larger than ${maxBytes} bytes`,
  ) {
    super(message);
  }
}

/**
 * A request refused or cut off because its job's byte budget is spent: it fails as a response too
 * large would, and what it would have told stays unknown.
 */
export class ByteBudgetExhaustedError extends ResponseTooLargeError {
  override name = "ByteBudgetExhaustedError";
  constructor(limitBytes: number) {
    super(limitBytes, `the fetch budget of ${sizeOf(limitBytes)} is spent`);
  }
}

const MB = 1024 * 1024;
const sizeOf = (bytes: number) =>
  bytes >= MB ? `${Number((bytes / MB).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
