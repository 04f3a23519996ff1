import { randomBytes } from "node:crypto";
import { testEnv } from "@port443/config/testing";
import { databaseName, dropDatabase, recreateDatabase, withDatabase } from "./postgres";

export interface TestDatabase {
  url: string;
  /** Drops the database, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

const uniqueName = (label: string) => `t_${label}_${randomBytes(4).toString("hex")}`;

/** Two clones of one template at the same instant make PostgreSQL refuse one (55006); try again. */
async function cloneWithRetry(url: string, template: string | undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recreateDatabase(url, template);
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/**
 * A private database for one test file. `migrated` (default) copies the migrated template that
 * `npm test` prepared, which takes milliseconds; otherwise the database starts empty.
 */
export async function createTestDatabase(
  label: string,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const template = testEnv().DATABASE_URL;
  const url = withDatabase(template, uniqueName(label));
  await cloneWithRetry(url, options.migrated === false ? undefined : databaseName(template));
  return { url, drop: () => dropDatabase(url) };
}
