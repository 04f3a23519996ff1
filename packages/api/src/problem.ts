import type { ServiceErrorCode } from "@port443/services";
import type { Context } from "hono";

/** One invalid field: `pointer` is a JSON Pointer into the part of the request named by `in`. */
export interface ProblemError {
  in: "body" | "query" | "path" | "header";
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemError[];
}

/** Problem types, one per kind of error, with the status and title they always carry. */
export const problemTypes = {
  bad_request: { status: 400, title: "The request is malformed" },
  validation: { status: 422, title: "The request has invalid fields" },
  unauthorized: { status: 401, title: "A valid API key is required" },
  forbidden: { status: 403, title: "The API key lacks a scope this needs" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflicts with the current state" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  quota_exceeded: { status: 422, title: "A quota of the team is reached" },
  idempotency_mismatch: { status: 422, title: "Idempotency-Key reused with another request" },
  idempotency_in_progress: { status: 409, title: "A request with this Idempotency-Key is in progress" },
  rate_limited: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Temporarily unavailable" },
  internal: { status: 500, title: "Internal error" },
} as const satisfies Record<ServiceErrorCode | string, { status: number; title: string }>;

export type ProblemType = keyof typeof problemTypes;

export const problemTypeUri = (type: ProblemType) => `urn:port443:problem:${type}`;

export function problemBody(type: ProblemType, detail: string, errors?: ProblemError[]): Problem {
  const { status, title } = problemTypes[type];
  return { type: problemTypeUri(type), title, status, detail, ...(errors?.length ? { errors } : {}) };
}

/** An RFC 9457 response. */
export function problem(c: Context, type: ProblemType, detail: string, errors?: ProblemError[]): Response {
  const body = { ...problemBody(type, detail, errors), instance: new URL(c.req.url).pathname };
  return c.body(JSON.stringify(body), body.status as 400, { "content-type": "application/problem+json" });
}

/** ["domains", 3, "hostname"] → "/domains/3/hostname" (RFC 6901 escaping). */
export const jsonPointer = (path: readonly PropertyKey[]) =>
  path.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/** Thrown by a handler to answer with a problem that no service raised (e.g. busy), with extra headers. */
export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly type: ProblemType,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
