import { api } from "@/server/api";

export const dynamic = "force-dynamic";

/** The REST API v1 (packages/api) answers everything under /api/v1. */
const handle = (request: Request) => api().fetch(request);

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
