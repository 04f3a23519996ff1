import { applyMigrations, createMigration } from "@port443/db/migrate";
import { log } from "../log";
import { provideServices } from "../services";

/** `pnpm db:migrate`: applies the committed migrations to the development database. */
export async function migrate(): Promise<void> {
  const services = await provideServices("dev");
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
  const services = await provideServices("dev");
  try {
    await applyMigrations(services.databaseUrl);
    const folder = await createMigration(services.databaseUrl, name);
    log(folder ? `wrote ${folder}` : "schema.prisma matches the migrations; nothing to write");
  } finally {
    await services.stop();
  }
}
