import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";

/**
 * Refuses a watch interval below the deployment's minimum (the quotas' minWatchIntervalSeconds),
 * naming the field; operators, without quotas, are held only to the field's own bounds.
 */
export function assertWatchInterval(
  ctx: ServiceContext,
  seconds: number | null | undefined,
  path: (string | number)[],
) {
  const minimum = ctx.quotas?.minWatchIntervalSeconds;
  if (seconds === null || seconds === undefined || minimum === undefined || seconds >= minimum) return;
  const message = `at least ${minimum} seconds on this deployment`;
  throw new ServiceError("validation", message, undefined, [{ path, message }]);
}
