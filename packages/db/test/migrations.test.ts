import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diff, diffDatabaseToSchema, migrationsDir, schemaPath } from "../src/migrate";
import { LOCKFILE, lockfileContent, writeMigration } from "../src/migrate/folders";

const committed = async () =>
  (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("committed migrations on an empty database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("migrations", { migrated: false });
  });
  afterAll(() => db.drop());

  it("apply from scratch, in order", async () => {
    const applied = await applyMigrations(db.url);
    expect(applied).toEqual(await committed());
    expect(applied.length).toBeGreaterThan(0);
  });

  it("produce exactly schema.prisma", async () => {
    expect(await diffDatabaseToSchema(db.url)).toBe("");
    // The same check through a shadow database, as `prisma migrate diff --from-migrations` does.
    expect(await diff(db.url, { migrations: migrationsDir }, { schema: schemaPath })).toBe("");
  });

  it("are recorded like `prisma migrate deploy` records them, and re-applying is a no-op", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      );
      for (const row of rows) {
        const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
      }
      expect(rows.map((row) => row.migration_name)).toEqual(await committed());
    } finally {
      await client.end();
    }
    expect(await applyMigrations(db.url)).toEqual([]);
  });

  it("leave no shadow databases behind", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow%'",
      );
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("detect drift between the database and schema.prisma", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query("ALTER TABLE teams DROP COLUMN default_scan_interval_seconds");
    } finally {
      await client.end();
    }
    expect(await diffDatabaseToSchema(db.url)).toMatch(/ADD COLUMN\s+"default_scan_interval_seconds"/);
  });
});

describe("a failing migration", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase("failing_migration", { migrated: false });
    dir = await mkdtemp(path.join(tmpdir(), "port443-migrations-"));
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("is rolled back whole and reported", async () => {
    await writeMigration(dir, "broken", 'CREATE TABLE "half" (id int);\nSELECT 1/0;\n');
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/division by zero/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT to_regclass('half') AS half");
      expect(rows[0].half).toBeNull();
    } finally {
      await client.end();
    }
  });
});

describe("writeMigration", () => {
  it("writes Prisma's folder layout with timestamps that keep order", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "port443-migrations-"));
    try {
      const now = new Date("2026-11-26T10:20:30Z");
      const first = await writeMigration(dir, "init", "SELECT 1;\n", now);
      const second = await writeMigration(dir, "next", "SELECT 2;\n", now);
      expect(path.basename(first)).toBe("20261126102030_init");
      expect(path.basename(second)).toBe("20261126102031_next");
      expect(await readFile(path.join(second, "migration.sql"), "utf8")).toBe("SELECT 2;\n");
      expect(await readFile(path.join(dir, LOCKFILE), "utf8")).toBe(lockfileContent());
      expect(await readFile(path.join(migrationsDir, LOCKFILE), "utf8")).toBe(lockfileContent());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
