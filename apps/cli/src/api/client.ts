import { cliEnv } from "@port443/config/cli";
import type { Command } from "commander";
import { positiveInteger } from "../args";
import { UsageError } from "../scan/targets";

export const defaultApiUrl = "http://localhost:3000";

/** A call that failed: the API's own explanation (problem+json) or why it could not be reached. Exit 2. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    /** Field errors and hints, one per line. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export interface ApiFlags {
  apiUrl?: string;
  token?: string;
  timeout: number;
}

export type ApiRequest = <T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown) => Promise<T>;

/** RFC 9457 problem details, as the API sends them. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { in: string; pointer: string; detail: string }[];
}

/** --api-url, --token and --timeout: every command that calls the REST API takes them. */
export function apiOptions(command: Command): Command {
  return command
    .option("--api-url <url>", `the Port443 API (default: $PORT443_API_URL, else ${defaultApiUrl})`)
    .option("--token <key>", "API key (default: $PORT443_TOKEN, which keeps it out of process lists)")
    .option("--timeout <ms>", "give up on a request after this long", positiveInteger, 45_000);
}

/** `?a=1&b=x` from the defined values, or "" when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Resolves the flags and environment into a request function; no API key is a usage error. */
export function connectApi(flags: ApiFlags): ApiRequest {
  const env = cliEnv();
  const token = flags.token ?? env.PORT443_TOKEN;
  if (!token)
    throw new UsageError(
      "no API key: pass --token or set PORT443_TOKEN (create one in the dashboard or with `port443 admin create-key`)",
    );
  const base = apiBase(flags.apiUrl ?? env.PORT443_API_URL ?? defaultApiUrl);

  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(flags.timeout),
      });
      // Inside the try: the timeout covers the body too, and a check's body is the slow part.
      text = await response.text();
    } catch (error) {
      throw unreachable(error, base, flags.timeout);
    }
    if (!response.ok) throw problemError(response, text);
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(`${base} answered ${method} ${path} with something other than JSON`, [
        "is --api-url (or PORT443_API_URL) the Port443 API?",
      ]);
    }
  };
}

/** The origin (and any path prefix) the API is under, without a trailing slash. */
function apiBase(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UsageError(`invalid API URL "${input}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`the API URL must be http(s), got "${input}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function unreachable(error: unknown, base: string, timeoutMs: number): ApiError {
  if (error instanceof Error && error.name === "TimeoutError")
    return new ApiError(`no answer from ${base} within ${timeoutMs} ms (see --timeout)`);
  // fetch says only "fetch failed"; the cause has the useful part (ECONNREFUSED, ENOTFOUND, …).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const reason =
    (cause as { code?: string }).code ?? (cause instanceof Error ? cause.message : String(cause));
  return new ApiError(`cannot reach the API at ${base}: ${reason}`);
}

function problemError(response: Response, text: string): ApiError {
  let problem: Problem = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") problem = parsed as Problem;
  } catch {
    // Not the API's problem+json (a proxy's error page, say): the status line is all there is.
  }
  const status = `HTTP ${response.status}`;
  const detail = problem.detail ?? problem.title;
  const details = (problem.errors ?? []).map(
    (error) => `${error.in} ${error.pointer || "/"}: ${error.detail}`,
  );
  if (response.status === 401) details.push("check the API key: --token or PORT443_TOKEN");
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) details.push(`retry after ${retryAfter} s (Retry-After)`);
  else if (response.status === 429) details.push("rate limited: retry later");
  return new ApiError(detail ? `${detail} (${status})` : `${status} ${response.statusText}`.trim(), details);
}
