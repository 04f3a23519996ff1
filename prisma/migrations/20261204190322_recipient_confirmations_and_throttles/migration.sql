-- CreateTable
CREATE TABLE "recipient_confirmations" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "confirmed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recipient_confirmations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_throttles" (
    "team_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "team_throttles_pkey" PRIMARY KEY ("team_id","action")
);

-- CreateIndex
CREATE UNIQUE INDEX "recipient_confirmations_token_hash_key" ON "recipient_confirmations"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "recipient_confirmations_team_id_email_key" ON "recipient_confirmations"("team_id", "email");

-- AddForeignKey
ALTER TABLE "recipient_confirmations" ADD CONSTRAINT "recipient_confirmations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_throttles" ADD CONSTRAINT "team_throttles_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
