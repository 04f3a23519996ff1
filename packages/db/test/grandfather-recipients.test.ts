import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyMigrations, migrationsDir } from "../src/migrate";

const GRANDFATHER = "20261204194500_grandfather_alert_recipients";

let db: TestDatabase;
let before: string;
beforeAll(async () => {
  db = await createTestDatabase("grandfather", { migrated: false });
  // The migrations up to the one under test, as a database deployed before it has them.
  before = await mkdtemp(path.join(tmpdir(), "port443-migrations-"));
  for (const entry of await readdir(migrationsDir)) {
    if (entry < GRANDFATHER || entry === "migration_lock.toml")
      await cp(path.join(migrationsDir, entry), path.join(before, entry), { recursive: true });
  }
});
afterAll(async () => {
  await db.drop();
  await rm(before, { recursive: true, force: true });
});

it("recipients named before confirmation existed stay confirmed, once per team and address", async () => {
  await applyMigrations(db.url, before);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const team = "0193a1b2-0000-7000-8000-000000000001";
    await client.query("INSERT INTO teams (id, name, slug, updated_at) VALUES ($1, 'Acme', 'acme', now())", [
      team,
    ]);
    await client.query(
      `INSERT INTO alert_policies (id, team_id, recipients, expiry_thresholds, updated_at)
       VALUES (gen_random_uuid(), $1, ARRAY['Ops@Acme.example', 'oncall@acme.example'], '{}', now())`,
      [team],
    );
    // The same address in a second policy (a domain override, say) is one confirmation.
    await client.query(
      `INSERT INTO alert_policies (id, team_id, recipients, expiry_thresholds, updated_at)
       VALUES (gen_random_uuid(), $1, ARRAY['ops@acme.example'], '{}', now())`,
      [team],
    );

    expect(await applyMigrations(db.url)).toEqual(expect.arrayContaining([GRANDFATHER]));
    const { rows } = await client.query(
      "SELECT email, confirmed_at IS NOT NULL AS confirmed, token_hash FROM recipient_confirmations ORDER BY email",
    );
    expect(rows).toEqual([
      { email: "oncall@acme.example", confirmed: true, token_hash: null },
      { email: "ops@acme.example", confirmed: true, token_hash: null },
    ]);
  } finally {
    await client.end();
  }
});
