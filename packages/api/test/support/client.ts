import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { jsonPointer } from "../../src/problem";

// biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely; each is checked against the OpenAPI document
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

type Document = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

/**
 * A fetch wrapper for tests that checks every response against the API's own OpenAPI document:
 * the status must be documented for the route, and the body must match its schema.
 */
export async function apiClient(baseUrl: string) {
  const document = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as Document;
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, "urn:port443:openapi");
  const routes = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const validators = new Map<string, ValidateFunction>();

  function validate(method: string, path: string, response: ApiResponse, contentType: string) {
    const route = routes.find((candidate) => candidate.pattern.test(path));
    expect(route, `no documented route for ${path}`).toBeDefined();
    const operation = document.paths[route!.template]?.[method.toLowerCase()];
    expect(operation, `${method} ${route!.template} is not documented`).toBeDefined();
    const documented = operation!.responses[String(response.status)];
    expect(
      documented,
      `${method} ${route!.template} does not document status ${response.status}`,
    ).toBeDefined();
    if (response.status === 204) return;
    const mediaType = contentType.split(";")[0]!.trim();
    expect(Object.keys(documented!.content ?? {})).toContain(mediaType);
    const pointer = jsonPointer([
      "paths",
      route!.template,
      method.toLowerCase(),
      "responses",
      String(response.status),
      "content",
      mediaType,
      "schema",
    ]);
    const key = `urn:port443:openapi#${pointer}`;
    let validator = validators.get(key);
    if (!validator) {
      validator = ajv.compile({ $ref: key });
      validators.set(key, validator);
    }
    if (!validator(response.body))
      throw new Error(
        `${method} ${path} ${response.status} does not match the document: ${ajv.errorsText(validator.errors)}`,
      );
  }

  return {
    document,
    /** The check `request` applies, for a response made up by a test. */
    validate: (method: string, path: string, response: ApiResponse, contentType = "application/json") =>
      validate(method, path, response, contentType),
    // biome-ignore lint/suspicious/noExplicitAny: as above
    async request<T = any>(
      method: string,
      path: string,
      options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<ApiResponse<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.key) headers.authorization = `Bearer ${options.key}`;
      if (options.body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers,
        body:
          options.body === undefined
            ? undefined
            : typeof options.body === "string"
              ? options.body
              : JSON.stringify(options.body),
      });
      const text = await response.text();
      const result = {
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : null,
      };
      validate(method, `/api/v1${path.split("?")[0]}`, result, response.headers.get("content-type") ?? "");
      return result;
    },
  };
}

export type ApiClient = Awaited<ReturnType<typeof apiClient>>;
