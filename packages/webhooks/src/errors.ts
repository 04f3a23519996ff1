/**
 * A failed delivery. `permanent` tells the caller's queue to stop: retrying cannot help until
 * someone changes the webhook (bad URL, refused address, receiver says the hook is gone).
 */
export class WebhookDeliveryError extends Error {
  override name = "WebhookDeliveryError";
  readonly permanent: boolean;
  /** The receiver's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(message: string, options: { permanent: boolean; status?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
    this.status = options.status;
  }
}
