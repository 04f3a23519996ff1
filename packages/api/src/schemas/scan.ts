import { z } from "@hono/zod-openapi";
import { GradeSchema, orNull, pageOf, Timestamp, Uuid } from "./common";
import { CertificateSchema, FindingSchema, GradeCapSchema } from "./report";

export const ScanSchema = z
  .object({
    id: Uuid,
    domainId: Uuid,
    status: z.enum(["queued", "running", "done", "failed"]),
    trigger: z.enum(["schedule", "manual", "change"]).openapi({
      description:
        "`schedule`: the deep interval came round; `manual`: requested; `change`: a watch probe saw the endpoint change.",
    }),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
    grade: orNull(GradeSchema),
    ip: z.string().nullable(),
    protocol: z.string().nullable(),
    cipher: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    error: z
      .object({
        code: z.string().openapi({
          description: "One of the scanner's error codes, or `scan_failed` when the job gave up.",
        }),
        message: z.string(),
      })
      .nullable()
      .openapi({ description: "Why the endpoint could not be scanned (done) or the scan failed (failed)." }),
    seenUntil: Timestamp.nullable().openapi({
      description:
        "The last watch probe that saw the endpoint unchanged after this scan, stored when the next deep scan is recorded; for the newest deep scan it is still null: see the domain's `lastSeenAt`.",
    }),
  })
  .openapi("Scan");

export const ScanPage = pageOf(ScanSchema, "ScanPage");

export const ScanDetailSchema = ScanSchema.extend({
  result: z
    .object({
      certificate: orNull(CertificateSchema),
      chain: z.array(CertificateSchema),
      findings: z.array(FindingSchema),
      trusted: z.boolean().nullable(),
      hostnameMatches: z.boolean().nullable(),
      protocols: z.record(z.string(), z.boolean()).nullable(),
      ciphers: z.record(z.string(), z.array(z.string())).nullable(),
      hsts: z.object({ maxAge: z.number(), includeSubDomains: z.boolean(), preload: z.boolean() }).nullable(),
      gradeCaps: z.array(GradeCapSchema),
      addresses: z.array(
        z.object({
          ip: z.string(),
          grade: orNull(GradeSchema),
          fingerprintSha256: z.string().nullable(),
          errorCode: z.string().nullable(),
        }),
      ),
    })
    .nullable()
    .openapi({ description: "Present once the scan is done." }),
}).openapi("ScanDetail");

export const ScanAcceptedSchema = z
  .object({ id: Uuid, status: z.literal("queued"), createdAt: Timestamp })
  .openapi("ScanAccepted");

export const CurrentCertificateSchema = z
  .object({
    scanId: Uuid,
    scannedAt: Timestamp,
    certificate: orNull(CertificateSchema),
    chain: z.array(CertificateSchema),
    trusted: z.boolean().nullable(),
    hostnameMatches: z.boolean().nullable(),
  })
  .openapi("CurrentCertificate");

export const CurrentFindingsSchema = z
  .object({
    scanId: Uuid,
    scannedAt: Timestamp,
    grade: orNull(GradeSchema),
    findings: z.array(FindingSchema),
  })
  .openapi("CurrentFindings");
