-- AlterTable
ALTER TABLE "alert_policies" ADD COLUMN     "group_interval_seconds" INTEGER,
ADD COLUMN     "group_wait_seconds" INTEGER,
ADD COLUMN     "repeat_interval_seconds" INTEGER;

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "group_id" UUID;

-- CreateTable
CREATE TABLE "notification_groups" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "webhook_id" UUID,
    "key" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "cause" TEXT NOT NULL,
    "episode" INTEGER NOT NULL DEFAULT 1,
    "first_sent_at" TIMESTAMP(3),
    "last_sent_at" TIMESTAMP(3),
    "next_send_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_group_members" (
    "group_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL,
    "opened" JSONB NOT NULL,
    "resolved" JSONB,
    "announced_at" TIMESTAMP(3),
    "recovery_announced_at" TIMESTAMP(3),

    CONSTRAINT "notification_group_members_pkey" PRIMARY KEY ("group_id","alert_id")
);

-- CreateIndex
CREATE INDEX "notification_groups_next_send_at_idx" ON "notification_groups"("next_send_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_groups_team_id_channel_recipient_key_key" ON "notification_groups"("team_id", "channel", "recipient", "key");

-- CreateIndex
CREATE INDEX "notification_group_members_alert_id_idx" ON "notification_group_members"("alert_id");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "notification_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_groups" ADD CONSTRAINT "notification_groups_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_groups" ADD CONSTRAINT "notification_groups_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_group_members" ADD CONSTRAINT "notification_group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "notification_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_group_members" ADD CONSTRAINT "notification_group_members_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
