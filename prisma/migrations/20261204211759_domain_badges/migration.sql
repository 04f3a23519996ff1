-- AlterTable
ALTER TABLE "domains" ADD COLUMN     "badge_token" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "domains_badge_token_key" ON "domains"("badge_token");
