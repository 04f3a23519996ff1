// Used by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` wherever its native engine
// can be downloaded). Port443's own migration tooling (src/migrate) reads the same files.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/port443" },
});
