import pg from "pg";

/** Server-level operations (create/drop databases) for the dev tooling and tests; never used by the apps. */

/** Rewrites the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` unless it exists. */
export async function ensureDatabase(url: string): Promise<void> {
  await onServer(url, async (client) => {
    const name = databaseName(url);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/** Drops and creates the database named in `url`, optionally as a copy of `template`. */
export async function recreateDatabase(url: string, template?: string): Promise<void> {
  await onServer(url, async (client) => {
    const name = quoteIdent(databaseName(url));
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await onServer(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`),
  );
}
