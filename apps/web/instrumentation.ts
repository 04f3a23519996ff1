import { EnvError } from "@port443/config";
import { webEnv } from "@port443/config/web";

/**
 * Runs once as the server starts. The environment is parsed now, and a bad one ends the process
 * with one line per problem: Next.js would only log the error and go on serving 500s, and a
 * production process with a placeholder AUTH_SECRET or without SMTP must not serve at all.
 */
export function register() {
  try {
    webEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    for (const issue of error.issues)
      console.error(`port443 web: not starting: ${issue.variable}: ${issue.message}`);
    process.exit(1);
  }
}
