/** A connection the address policy refused: a scan reports it as `blocked_address`, a webhook as permanent. */
export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(`address ${address} is not allowed: ${reason}`);
  }
}

/** A response cut off at its size bound: the caller names what was too large (a CRL, an issuer). */
export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`response larger than ${maxBytes} bytes`);
  }
}
