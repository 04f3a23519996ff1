-- CreateEnum
CREATE TYPE "ExpiryMode" AS ENUM ('lifetime', 'fixed');

-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'renewal_overdue';
ALTER TYPE "AlertKind" ADD VALUE 'early_renewal';

-- AlterTable
ALTER TABLE "alert_policies" ADD COLUMN     "expiry_mode" "ExpiryMode";

-- AlterTable
ALTER TABLE "domains" ADD COLUMN     "renewal_due_at" TIMESTAMP(3);
