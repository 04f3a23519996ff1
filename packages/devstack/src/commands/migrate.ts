import { applyMigrations, createMigration } from "@port443/db/migrate";
import { log } from "../log";
import { provideDatabase } from "../services";

/**
 * `pnpm db:migrate`: applies the committed migrations to the development database (or to
 * DATABASE_URL: a deployment's migration step, which needs nothing else).
 */
export async function migrate(): Promise<void> {
  const services = await provideDatabase("dev");
  try {
    const applied = await applyMigrations(services.databaseUrl);
    log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
  } finally {
    await services.stop();
  }
}

/** `pnpm db:migration <name>`: writes a migration from the migrated database to schema.prisma. */
export async function migration(name: string | undefined): Promise<void> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: pnpm db:migration <name>   (lower-case letters, digits and _)");
  }
  const services = await provideDatabase("dev");
  try {
    await applyMigrations(services.databaseUrl);
    const folder = await createMigration(services.databaseUrl, name);
    log(folder ? `wrote ${folder}` : "schema.prisma matches the migrations; nothing to write");
  } finally {
    await services.stop();
  }
}
