-- CreateEnum
CREATE TYPE "DomainStatus" AS ENUM ('pending', 'ok', 'warning', 'critical', 'error');

-- CreateEnum
CREATE TYPE "ScanOutcome" AS ENUM ('success', 'error');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('info', 'low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M');

-- CreateTable
CREATE TABLE "teams" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "default_scan_interval_seconds" INTEGER NOT NULL DEFAULT 21600,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domains" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "hostname" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 443,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "scan_interval_seconds" INTEGER,
    "next_scan_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_scan_at" TIMESTAMP(3),
    "status" "DomainStatus" NOT NULL DEFAULT 'pending',
    "grade" "Grade",
    "not_after" TIMESTAMP(3),
    "issuer" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "domains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" UUID NOT NULL,
    "fingerprint_sha256" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "sans" TEXT[],
    "not_before" TIMESTAMP(3) NOT NULL,
    "not_after" TIMESTAMP(3) NOT NULL,
    "key_type" TEXT NOT NULL,
    "key_bits" INTEGER NOT NULL,
    "signature_algorithm" TEXT NOT NULL,
    "serial_number" TEXT NOT NULL,
    "pem" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scans" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "domain_id" UUID NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),
    "outcome" "ScanOutcome" NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "ip" TEXT,
    "protocol" TEXT,
    "cipher" TEXT,
    "grade" "Grade",
    "duration_ms" INTEGER,

    CONSTRAINT "scans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_certificates" (
    "scan_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "certificate_id" UUID NOT NULL,

    CONSTRAINT "scan_certificates_pkey" PRIMARY KEY ("scan_id","position")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "teams_slug_key" ON "teams"("slug");

-- CreateIndex
CREATE INDEX "domains_team_id_status_idx" ON "domains"("team_id", "status");

-- CreateIndex
CREATE INDEX "domains_team_id_not_after_idx" ON "domains"("team_id", "not_after");

-- CreateIndex
CREATE INDEX "domains_team_id_grade_idx" ON "domains"("team_id", "grade");

-- CreateIndex
CREATE INDEX "domains_due_idx" ON "domains"("next_scan_at");

-- CreateIndex
CREATE UNIQUE INDEX "domains_team_id_hostname_port_key" ON "domains"("team_id", "hostname", "port");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_fingerprint_sha256_key" ON "certificates"("fingerprint_sha256");

-- CreateIndex
CREATE INDEX "scans_domain_id_started_at_idx" ON "scans"("domain_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "scans_team_id_started_at_idx" ON "scans"("team_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "scan_certificates_certificate_id_idx" ON "scan_certificates"("certificate_id");

-- CreateIndex
CREATE INDEX "findings_scan_id_idx" ON "findings"("scan_id");

-- AddForeignKey
ALTER TABLE "domains" ADD CONSTRAINT "domains_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scans" ADD CONSTRAINT "scans_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scans" ADD CONSTRAINT "scans_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_certificates" ADD CONSTRAINT "scan_certificates_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_certificates" ADD CONSTRAINT "scan_certificates_certificate_id_fkey" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;
