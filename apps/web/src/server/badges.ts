import "server-only";
import { getBadge } from "@port443/services";
import { type BadgeServer, createBadgeServer } from "./badges-serve";
import { prisma } from "./clients";
import { teamQuotas } from "./quotas";

/**
 * The process's one badge server: on globalThis, as the route handler that serves badges and the
 * actions that rotate them are bundled apart and must share its cache.
 */
const holder = globalThis as typeof globalThis & { __port443Badges?: BadgeServer };

export function badges(): BadgeServer {
  holder.__port443Badges ??= createBadgeServer({
    load: (token) => getBadge({ prisma: prisma(), quotas: teamQuotas() }, { token }),
  });
  return holder.__port443Badges;
}
