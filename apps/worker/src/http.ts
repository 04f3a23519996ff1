import { createServer, type Server } from "node:http";
import type { Metrics } from "./metrics";
import type { Runtime } from "./runtime";

/** GET /health (200 or 503 with the state of each dependency) and GET /metrics (Prometheus). */
export function createHttpServer(runtime: Runtime, metrics: Metrics): Server {
  return createServer(async (request, response) => {
    try {
      if (request.method === "GET" && request.url === "/health") {
        const status = await runtime.status();
        response.writeHead(status.ok ? 200 : 503, { "content-type": "application/json" });
        response.end(JSON.stringify(status));
      } else if (request.method === "GET" && request.url === "/metrics") {
        response.writeHead(200, { "content-type": metrics.registry.contentType });
        response.end(await metrics.registry.metrics());
      } else {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: "not found" }));
      }
    } catch {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "internal error" }));
    }
  });
}
