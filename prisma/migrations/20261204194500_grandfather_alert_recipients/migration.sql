-- Recipients named before confirmation existed were chosen by the team and have been receiving
-- alerts: they keep receiving them. Only addresses added from now on confirm by email.
INSERT INTO "recipient_confirmations" ("id", "team_id", "email", "token_hash", "expires_at", "confirmed_at")
SELECT gen_random_uuid(), "team_id", "email", NULL, now(), now()
FROM (
  SELECT DISTINCT "team_id", lower("recipient") AS "email"
  FROM "alert_policies", unnest("recipients") AS "recipient"
) AS "named"
ON CONFLICT ("team_id", "email") DO NOTHING;
