import type { ApiScope } from "@port443/db";
import type { ServiceContext } from "@port443/services";
import type { ApiDeps } from "./deps";

/** The authenticated caller: a team's API key. */
export interface ApiCaller {
  keyId: string;
  teamId: string;
  scopes: ApiScope[];
}

/** Hono's per-request variables. */
export interface ApiEnv {
  Variables: {
    deps: ApiDeps;
    caller: ApiCaller;
    /** The caller as the service functions see it (team-scoped). */
    ctx: ServiceContext;
    /** Bytes this route accepts in a request body (set by `limitBody`). */
    bodyLimit: number;
  };
}
