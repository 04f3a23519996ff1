import type { Role } from "@port443/db";
import { ServiceError } from "./errors";

/** Each role can do what the ones after it can (owner ⊃ admin ⊃ member ⊃ viewer). */
const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function requireRole(actual: Role, needed: Role): void {
  if (rank[actual] < rank[needed]) throw new ServiceError("forbidden", `this needs the ${needed} role`);
}
