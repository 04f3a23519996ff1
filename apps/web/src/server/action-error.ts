import { ServiceError } from "@port443/services";

/**
 * What a server action tells the form when a service refuses: the service's message, or for a
 * refusal by role the page's own wording when it has one. Anything else is a bug and is rethrown
 * (the error boundary shows it and the server logs it).
 */
export function actionError(error: unknown, forbidden?: string): { error: string } {
  if (!(error instanceof ServiceError)) throw error;
  return { error: error.code === "forbidden" && forbidden ? forbidden : error.message };
}
