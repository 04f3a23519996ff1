import path from "node:path";
import { fileURLToPath } from "node:url";
import { type DiffSide, openEngine } from "./engine";
import { writeMigration } from "./folders";

/**
 * Offline migrations: Prisma's own schema engine (WebAssembly) over node-postgres, writing the
 * same _prisma_migrations table and folders as `prisma migrate`, without its native binary.
 */
const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../prisma");
export const schemaPath = path.join(prismaDir, "schema.prisma");
export const migrationsDir = path.join(prismaDir, "migrations");

async function withEngine<T>(
  url: string,
  run: (engine: Awaited<ReturnType<typeof openEngine>>) => Promise<T>,
) {
  const engine = await openEngine({ url, schemaPath });
  try {
    return await run(engine);
  } finally {
    await engine.close();
  }
}

/** Applies the committed migrations that `url` lacks; returns their names. */
export const applyMigrations = (url: string, dir = migrationsDir) =>
  withEngine(url, (engine) => engine.applyMigrations(dir));

/** SQL that would bring the database at `url` to schema.prisma; "" when it matches. */
export const diffDatabaseToSchema = (url: string) =>
  withEngine(url, (engine) => engine.diff({ database: true }, { schema: schemaPath }));

/** SQL between any two sides (migrations folder, schema.prisma, the database, nothing). */
export const diff = (url: string, from: DiffSide, to: DiffSide) =>
  withEngine(url, (engine) => engine.diff(from, to));

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` with what schema.prisma adds to the
 * committed migrations (replayed on a shadow database of the server at `url`). Returns the folder,
 * or null when there is nothing to add.
 */
export async function createMigration(
  url: string,
  name: string,
  dir = migrationsDir,
): Promise<string | null> {
  const sql = await diff(url, { migrations: dir }, { schema: schemaPath });
  return sql ? writeMigration(dir, name, sql) : null;
}

export type { DiffSide };
