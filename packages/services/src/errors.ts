/** One problem with one field of the input; `path` points into it (e.g. ["domains", 3, "hostname"]). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export type ServiceErrorCode =
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "quota_exceeded"
  | "rate_limited";

/** Errors a caller maps to a response: the API to problem+json, the CLI to a message and exit 2. */
export class ServiceError extends Error {
  override name = "ServiceError";
  readonly issues: FieldIssue[];
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly field?: string,
    issues?: FieldIssue[],
  ) {
    super(message);
    this.issues = issues ?? (field ? [{ path: [field], message }] : []);
  }
}

/**
 * A limit of the team's reached: a quota (`quota_exceeded`: nothing more until something is
 * removed) or a rate (`rate_limited`: the next one is allowed in `retryAfterSeconds`).
 */
export class LimitError extends ServiceError {
  override name = "LimitError";
  constructor(
    code: "quota_exceeded" | "rate_limited",
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}
