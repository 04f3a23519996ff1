import { z } from "@hono/zod-openapi";
import { errorCodes, protocolIds } from "@port443/scanner";
import { GradeSchema, orNull, SeveritySchema } from "./common";

const protocolId = z.enum(protocolIds as [string, ...string[]]);

export const ScanErrorSchema = z
  .object({ code: z.enum(errorCodes), message: z.string() })
  .openapi("ScanError");

export const CertificateSchema = z
  .object({
    subject: z.string(),
    issuer: z.string(),
    sans: z.array(z.string()),
    notBefore: z.string(),
    notAfter: z.string(),
    daysRemaining: z.number().int(),
    fingerprintSha256: z.string(),
    serialNumber: z.string(),
    keyType: z.enum(["RSA", "EC", "Ed25519", "Ed448", "DSA", "unknown"]),
    keyBits: z.number().int(),
    signatureAlgorithm: z.string(),
    pem: z.string(),
  })
  .openapi("Certificate");

export const RenewalSchema = z
  .object({
    lifetimeDays: z.number(),
    dueAt: z.string().openapi({ description: "When the certificate should have been replaced." }),
    overdueAt: z.string().openapi({ description: "Past this, `cert.renewal_overdue` is reported." }),
    source: z
      .enum(["lifetime", "ari"])
      .openapi({ description: "Two thirds of the lifetime, or the end of the CA's ARI window." }),
    tracked: z
      .boolean()
      .openapi({ description: "Overdue renewal is reported (lifetime ≤ 200 days, or ARI)." }),
    ari: z
      .object({
        directory: z.string(),
        window: z.object({ start: z.string(), end: z.string() }).nullable(),
        explanationUrl: z.string().nullable(),
        error: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "ACME Renewal Information (RFC 9773) from the issuer's ACME directory." }),
  })
  .openapi("Renewal");

export const FindingSchema = z
  .object({
    id: z.string().openapi({ example: "cert.expiring_soon", description: "Stable rule id." }),
    severity: SeveritySchema,
    title: z.string(),
    detail: z.string(),
    remediation: z.string(),
  })
  .openapi("Finding");

export const RevocationSchema = z
  .object({
    status: z.enum(["good", "revoked", "unknown"]),
    source: z
      .enum(["crl", "ocsp"])
      .nullable()
      .openapi({ description: "The mechanism that decided; null when neither CRL nor OCSP gave a verdict." }),
    crls: z.array(
      z.object({
        url: z.string(),
        certificate: z.string().openapi({ description: "Subject of the certificate checked." }),
        outcome: z.enum(["good", "revoked", "error"]),
        revokedAt: z.string().nullable(),
        reason: z.string().nullable(),
        stale: z.boolean(),
        nextUpdate: z.string().nullable(),
        cached: z.boolean(),
        error: z
          .object({
            code: z.enum([
              "crl_unreachable",
              "crl_too_large",
              "crl_unparseable",
              "crl_bad_signature",
              "crl_wrong_scope",
            ]),
            message: z.string(),
          })
          .nullable(),
      }),
    ),
  })
  .openapi("Revocation");

export const GradeCapSchema = z.object({ grade: GradeSchema, reason: z.string() }).openapi("GradeCap");

/** The scanner's JSON report, as `port443 scan --json` prints it. */
export const ScanReportSchema = z
  .object({
    target: z.object({
      host: z.string(),
      port: z.number().int(),
      servername: z.string(),
      ip: z.string().nullable(),
    }),
    scannedAt: z.string(),
    durationMs: z.number(),
    grade: orNull(GradeSchema),
    gradeProvisional: z.boolean().openapi({
      description:
        "A step that could lower the grade did not finish (see `incomplete`): the grade is what was seen.",
    }),
    gradeCaps: z.array(GradeCapSchema),
    score: z
      .object({ protocol: z.number(), keyExchange: z.number(), cipher: z.number(), total: z.number() })
      .nullable(),
    certificate: orNull(CertificateSchema),
    renewal: orNull(RenewalSchema),
    chain: z.array(CertificateSchema),
    trusted: z.boolean(),
    hostnameMatches: z.boolean(),
    protocols: z.record(protocolId, z.boolean()),
    ciphers: z.partialRecord(protocolId, z.array(z.string())),
    negotiated: z.object({
      protocol: protocolId.nullable(),
      cipher: z.string().nullable(),
      group: z.string().nullable(),
      alpn: z.string().nullable(),
    }),
    hsts: z.object({ maxAge: z.number(), includeSubDomains: z.boolean(), preload: z.boolean() }).nullable(),
    ocsp: z.object({
      stapled: z.boolean(),
      status: z.enum(["good", "revoked", "unknown"]).nullable(),
      source: z.enum(["stapled", "fetched"]).nullable(),
    }),
    revocation: RevocationSchema,
    findings: z.array(FindingSchema),
    vulnerabilities: z
      .array(
        z.object({
          id: z.string().openapi({ example: "vuln.heartbleed" }),
          status: z.enum(["vulnerable", "ok", "not_applicable", "incomplete", "not_run"]),
          detail: z.string(),
        }),
      )
      .openapi({
        description:
          'Every known-vulnerability probe and what it saw. "not_run": its precondition was not seen (no TLS 1.2 or older, no RSA key exchange, a quick scan); "not_applicable": probed, and the precondition turned out absent; "incomplete": it could not tell (also listed in `incomplete`).',
      }),
    incomplete: z
      .array(
        z.object({
          step: z.string().openapi({ example: "protocol.tls1_0" }),
          reason: z.string().openapi({ example: "timed out waiting for an answer" }),
        }),
      )
      .openapi({ description: 'Steps that did not finish: what they would have told is unknown, not "no".' }),
    addresses: z.array(
      z.object({
        ip: z
          .string()
          .nullable()
          .openapi({ description: "null: withheld, as the address policy refused it." }),
        grade: orNull(GradeSchema),
        fingerprintSha256: z.string().nullable(),
        protocols: z.record(protocolId, z.boolean()).nullable(),
        error: orNull(ScanErrorSchema),
      }),
    ),
    error: orNull(ScanErrorSchema),
  })
  .openapi("ScanReport");
