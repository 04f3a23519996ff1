import type { z } from "zod";

export class EnvError extends Error {
  override name = "EnvError";
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment:\n${issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join("\n")}`,
    );
  }
}

export type EnvSource = Record<string, string | undefined>;

/** Parses `source` against `schema`; every problem is reported with the variable it concerns. */
export function parseEnv<S extends z.ZodType>(schema: S, source: EnvSource): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join(".") || "(environment)",
      message: issue.message,
    })),
  );
}

/** Parses once per process, on first use: modules can import the accessor without touching the environment. */
export function lazyEnv<S extends z.ZodType>(schema: S, source: () => EnvSource): () => z.infer<S> {
  let parsed: z.infer<S> | undefined;
  return () => {
    parsed ??= parseEnv(schema, source());
    return parsed;
  };
}
