import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** 200 when PostgreSQL and Redis both answer, 503 otherwise; the body says which is down. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
