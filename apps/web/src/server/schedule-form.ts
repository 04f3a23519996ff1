import "server-only";
import { ServiceError } from "@port443/services";
import { actionError } from "./action-error";

/** What a monitoring-schedule form hears back: a message, an error per field, or that it saved. */
export interface ScheduleFormState {
  error?: string;
  /** By the service's field name (the form's input name), e.g. "watchIntervalSeconds". */
  fieldErrors?: Record<string, string>;
  saved?: boolean;
  /** What was submitted (seconds, null for blank), shown again beside the errors. */
  submitted?: Record<string, number | null>;
}

/** An IntervalField's value in seconds (amount × unit); null when left blank. */
export function formInterval(form: FormData, name: string): number | null {
  const amount = String(form.get(name) ?? "").trim();
  if (amount === "") return null;
  return Math.round(Number(amount) * Number(form.get(`${name}Unit`)));
}

/**
 * A service's refusal of `submitted`: invalid intervals under their fields (e.g. below the
 * deployment's minimum), anything else as the form's message.
 */
export function scheduleFormError(
  error: unknown,
  submitted: Record<string, number | null>,
  forbidden: string,
): ScheduleFormState {
  if (error instanceof ServiceError && error.code === "validation" && error.issues.length) {
    const fieldErrors = Object.fromEntries(
      error.issues.map((issue) => [String(issue.path[0]), issue.message]),
    );
    return { fieldErrors, submitted };
  }
  return { ...actionError(error, forbidden), submitted };
}
