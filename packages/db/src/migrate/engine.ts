import { readFile } from "node:fs/promises";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createMigrationAdapterFactory } from "./adapter";
import { readMigrationList } from "./folders";
import { lastPanicMessage, loadSchemaEngine } from "./wasm";

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export type DiffSide = { migrations: string } | { schema: string } | { database: true } | { empty: true };

export interface EngineOptions {
  url: string;
  schemaPath: string;
}

/** The WebAssembly schema engine bound to one database; `close()` releases every connection. */
export async function openEngine({ url, schemaPath }: EngineOptions) {
  const Engine = await loadSchemaEngine();
  const { factory, close } = createMigrationAdapterFactory(url);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const schemaFile = { path: path.resolve(schemaPath), content: await readFile(schemaPath, "utf8") };

  /**
   * Errors thrown in the driver come back as "External error id#N", N indexing the adapter's
   * registry: rethrow the original. A wasm panic's Rust message sits in the panic registry.
   */
  const unwrap = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const id = /External error id#(\d+)/.exec(message)?.[1];
      const original = id ? bound.errorRegistry.consumeError(Number(id)) : undefined;
      if (original) throw original.error;
      const panic = lastPanicMessage();
      throw panic && /unreachable/i.test(message)
        ? new Error(`${message}\n${panic}`, { cause: error })
        : error;
    }
  };

  let engine: SchemaEngine;
  try {
    engine = await unwrap(() =>
      Engine.new({ datamodels: [[schemaFile.path, schemaFile.content]] }, () => {}, bound),
    );
  } catch (error) {
    await close();
    throw error;
  }

  // A second call while one is in flight aborts the process from inside wasm ("recursive use of
  // an object"): calls on one engine run one at a time.
  let tail: Promise<unknown> = Promise.resolve();
  const call = <T>(operation: () => Promise<T>): Promise<T> => {
    const result: Promise<T> = tail.then(() => unwrap(operation));
    tail = result.catch(() => {});
    return result;
  };

  const target = async (side: DiffSide): Promise<DiffTarget> => {
    if ("empty" in side) return { tag: "empty" };
    if ("schema" in side) return { tag: "schemaDatamodel", files: [schemaFile] };
    if ("database" in side) {
      return { tag: "schemaDatasource", files: [schemaFile], configDir: path.dirname(schemaFile.path) };
    }
    // Replayed on a shadow database the adapter creates and drops.
    return { tag: "migrations", ...(await readMigrationList(side.migrations)) };
  };

  return {
    /** What `prisma migrate deploy` does: applies pending migrations, records them in _prisma_migrations. */
    async applyMigrations(migrationsDir: string): Promise<string[]> {
      const migrationsList = await readMigrationList(migrationsDir);
      const { appliedMigrationNames } = await call(() =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      );
      return appliedMigrationNames;
    },
    /** What `prisma migrate diff --script` prints: SQL taking `from` to `to`, "" when they match. */
    async diff(from: DiffSide, to: DiffSide): Promise<string> {
      const params = {
        from: await target(from),
        to: await target(to),
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      };
      const { exitCode, stdout } = await call(() => engine.diff(params));
      return exitCode === 0 ? "" : (stdout ?? "");
    },
    async close(): Promise<void> {
      await tail;
      engine.free();
      await close();
    },
  };
}
