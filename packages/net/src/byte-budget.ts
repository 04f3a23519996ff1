/**
 * Bytes one job may fetch over all its requests (a scan's AIA, OCSP, CRL and ARI fetches
 * together): a certificate naming many large URLs then costs a bounded amount, whatever each
 * request's own size bound allows.
 */
export class ByteBudget {
  private used = 0;

  constructor(readonly limitBytes: number) {}

  /** Counts bytes received; false once they exceed the budget. */
  take(bytes: number): boolean {
    this.used += bytes;
    return !this.exhausted;
  }

  /** A request was cut off for lack of budget; later ones are refused without connecting. */
  get exhausted(): boolean {
    return this.used > this.limitBytes;
  }
}
