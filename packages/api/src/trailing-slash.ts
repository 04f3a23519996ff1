import { createMiddleware } from "hono/factory";

/**
 * `/api/v1/domains/` → 308 to `/api/v1/domains` (query kept), for every method: what Next.js
 * answered when it served the API, so a client that adds the slash keeps working.
 */
export const trimTrailingSlash = createMiddleware(async (c, next) => {
  if (!c.req.path.endsWith("/")) return next();
  const url = new URL(c.req.url);
  return c.redirect(`${url.pathname.replace(/\/+$/, "")}${url.search}`, 308);
});
