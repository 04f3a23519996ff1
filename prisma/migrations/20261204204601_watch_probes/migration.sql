-- AlterEnum
ALTER TYPE "ScanTrigger" ADD VALUE 'change';

-- AlterTable
ALTER TABLE "domains" ADD COLUMN     "alert_check_at" TIMESTAMP(3),
ADD COLUMN     "last_probe_at" TIMESTAMP(3),
ADD COLUMN     "last_seen_at" TIMESTAMP(3),
ADD COLUMN     "next_watch_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "watch_interval_seconds" INTEGER,
ADD COLUMN     "watch_state" JSONB;

-- AlterTable
ALTER TABLE "scans" ADD COLUMN     "seen_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "default_watch_interval_seconds" INTEGER NOT NULL DEFAULT 3600,
ALTER COLUMN "default_scan_interval_seconds" SET DEFAULT 86400;

-- CreateIndex
CREATE INDEX "domains_watch_due_idx" ON "domains"("enabled", "next_watch_at");
