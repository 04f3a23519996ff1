/** Errors a caller maps to a response: the API to problem+json, the CLI to a message and exit 2. */
export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    readonly code: "validation" | "forbidden" | "not_found" | "conflict",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
