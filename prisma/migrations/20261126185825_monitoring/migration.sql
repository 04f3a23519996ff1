-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'admin', 'member', 'viewer');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "ScanTrigger" AS ENUM ('schedule', 'manual');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('expiry', 'expired', 'weak_config', 'grade_drop', 'cert_changed', 'scan_failing', 'trust');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('open', 'notified', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "WebhookKind" AS ENUM ('generic', 'slack');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "NotificationEvent" AS ENUM ('opened', 'resolved', 'digest', 'test');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- DropIndex
DROP INDEX "domains_due_idx";

-- DropIndex
DROP INDEX "scans_domain_id_started_at_idx";

-- DropIndex
DROP INDEX "scans_team_id_started_at_idx";

-- AlterTable
ALTER TABLE "domains" ADD COLUMN     "failure_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fingerprint" TEXT,
ADD COLUMN     "muted_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "scans" ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "details" JSONB,
ADD COLUMN     "status" "ScanStatus" NOT NULL DEFAULT 'done',
ADD COLUMN     "trigger" "ScanTrigger" NOT NULL DEFAULT 'schedule',
ALTER COLUMN "started_at" DROP NOT NULL,
ALTER COLUMN "outcome" DROP NOT NULL;

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "private_ca_pem" TEXT;

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_addresses" (
    "scan_id" UUID NOT NULL,
    "ip" TEXT NOT NULL,
    "grade" "Grade",
    "fingerprint" TEXT,
    "error_code" TEXT,

    CONSTRAINT "scan_addresses_pkey" PRIMARY KEY ("scan_id","ip")
);

-- CreateTable
CREATE TABLE "alert_policies" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "domain_id" UUID,
    "expiry_thresholds" INTEGER[],
    "min_severity" "Severity",
    "notify_grade_drop" BOOLEAN,
    "notify_cert_change" BOOLEAN,
    "failing_scan_threshold" INTEGER,
    "recipients" TEXT[],
    "daily_digest" BOOLEAN,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "domain_id" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "key" TEXT NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'open',
    "severity" "Severity" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "fingerprint" TEXT,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notified_at" TIMESTAMP(3),
    "acknowledged_at" TIMESTAMP(3),
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "kind" "WebhookKind" NOT NULL DEFAULT 'generic',
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "alert_id" UUID,
    "webhook_id" UUID,
    "channel" "NotificationChannel" NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "recipient" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_attempt_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_events" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "domain_id" UUID NOT NULL,
    "old_fingerprint" TEXT,
    "new_fingerprint" TEXT NOT NULL,
    "old_issuer" TEXT,
    "new_issuer" TEXT NOT NULL,
    "old_not_after" TIMESTAMP(3),
    "new_not_after" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "members_user_id_idx" ON "members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_team_id_user_id_key" ON "members"("team_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_policies_domain_id_key" ON "alert_policies"("domain_id");

-- CreateIndex
CREATE INDEX "alert_policies_team_id_idx" ON "alert_policies"("team_id");

-- CreateIndex
CREATE INDEX "alerts_team_id_state_idx" ON "alerts"("team_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_domain_id_key_key" ON "alerts"("domain_id", "key");

-- CreateIndex
CREATE INDEX "webhooks_team_id_idx" ON "webhooks"("team_id");

-- CreateIndex
CREATE INDEX "notifications_state_created_at_idx" ON "notifications"("state", "created_at");

-- CreateIndex
CREATE INDEX "notifications_team_id_created_at_idx" ON "notifications"("team_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "certificate_events_domain_id_created_at_idx" ON "certificate_events"("domain_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "certificates_not_after_idx" ON "certificates"("not_after");

-- CreateIndex
CREATE INDEX "domains_due_idx" ON "domains"("enabled", "next_scan_at");

-- CreateIndex
CREATE INDEX "scans_domain_id_created_at_idx" ON "scans"("domain_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "scans_team_id_created_at_idx" ON "scans"("team_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "scans_created_at_idx" ON "scans"("created_at");

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_addresses" ADD CONSTRAINT "scan_addresses_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_policies" ADD CONSTRAINT "alert_policies_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_policies" ADD CONSTRAINT "alert_policies_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE CASCADE ON UPDATE CASCADE;
