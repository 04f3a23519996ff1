import type { Role } from "@port443/db";
import { ServiceError } from "./errors";

/** Each role can do what the ones after it can (owner ⊃ admin ⊃ member ⊃ viewer). */
const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Whether `actual` may do what `needed` may: for pages deciding what to show. */
export const hasRole = (actual: Role, needed: Role): boolean => rank[actual] >= rank[needed];

export function requireRole(actual: Role, needed: Role): void {
  if (!hasRole(actual, needed)) throw new ServiceError("forbidden", `this needs the ${needed} role`);
}
