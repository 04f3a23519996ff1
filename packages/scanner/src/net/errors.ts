/** A connection the address policy refused; the scan reports it as `blocked_address`. */
export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(`address ${address} is not allowed: ${reason}`);
  }
}
