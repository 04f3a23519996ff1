// The web process: `next start`, plus two things. Next fills X-Forwarded-For from the socket only
// when a request has none (`??=` in next/dist/server/base-server.js), so a client that sends its
// own hides its address, and the sign-in limits would count each forged value apart. This server
// appends the socket's peer to the chain, as a proxy does: the last entry is always the address
// the connection came from, and PORT443_TRUSTED_PROXIES decides how far to the left anything is
// believed (packages/auth `client-address.ts`). And it hands /api/v1 to the lean API server
// (src/api-server, built into dist/api-server.js), which answers it without going through Next's
// router and route handler: a third of the CPU per request.
//
//   node server.mjs [-p PORT] [-H HOSTNAME]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { createApiServer } from "./dist/api-server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: "3000" },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(values.port);

const app = next({ dir: import.meta.dirname, hostname: values.hostname, port });
// Runs instrumentation.ts, which ends the process when the environment is not fit to serve.
await app.prepare();
const handle = app.getRequestHandler();
// After prepare: a bad environment has ended the process with instrumentation's message by now.
const api = createApiServer();

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress;
  // Node joins repeated X-Forwarded-For headers with ", " already.
  const chain = request.headers["x-forwarded-for"];
  if (peer) request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
  else delete request.headers["x-forwarded-for"];
  if (api.serves(request.url)) api.handle(request, response);
  else handle(request, response);
});
server.listen(port, values.hostname);

// As `next start` does: stop taking connections, let running requests finish (10 s at most), exit.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"])
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => Promise.allSettled([app.close(), api.close()]).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
