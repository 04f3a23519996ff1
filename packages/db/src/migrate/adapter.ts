import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * PrismaPg rejects result columns of PostgreSQL's one-byte "char" type (OID 18), which the
 * engine's schema describer selects (pg_constraint.contype); pg returns them as strings anyway,
 * so they are described as text (OID 25).
 */
class CharAsTextClient extends pg.Client {
  _handleRowDescription(message: { fields: { dataTypeID: number }[] }) {
    for (const field of message.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    // @ts-expect-error: internal pg method, present on every 8.x client
    return super._handleRowDescription(message);
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The adapter factory the schema engine drives. Compared with PrismaPg's own connectToShadowDb
 * it creates the shadow database on the right server, closes every pool it opens, drops the
 * shadow database after its pool is closed, and runs a migration script as one simple-protocol
 * query, so a migration applies all-or-nothing like with Prisma's native engine.
 */
export function createMigrationAdapterFactory(url: string) {
  const pools = new Set<pg.Pool>();

  const openPool = (connectionString: string) => {
    const pool = new pg.Pool({ connectionString, Client: CharAsTextClient, max: 4 });
    pool.on("error", () => {}); // an idle client losing its server must not crash the process
    pools.add(pool);
    return pool;
  };
  const endPool = async (pool: pg.Pool) => {
    if (pools.delete(pool)) await pool.end().catch(() => {});
  };

  const adapterOver = async (pool: pg.Pool, afterDispose?: () => Promise<void>): Promise<Adapter> => {
    const adapter = await new PrismaPg(pool).connect();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // @ts-expect-error: onError maps a pg error to Prisma's DriverAdapterError and throws it
        adapter.onError(error);
      }
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await endPool(pool);
      await afterDispose?.();
    };
    return adapter;
  };

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => adapterOver(openPool(url)),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      return adapterOver(openPool(shadowUrl.toString()), () =>
        admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  } as unknown as SqlMigrationAwareDriverAdapterFactory;

  return {
    factory,
    /** The engine never disposes its main adapter; end whatever is still open. */
    close: async () => {
      await Promise.all([...pools].map(endPool));
    },
  };
}
