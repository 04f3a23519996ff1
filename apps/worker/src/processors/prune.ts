import type { PrismaClient } from "@port443/db";
import type { Logger } from "../logger";

/**
 * Deletes history past the retention period: scans (with their chains, findings and addresses,
 * by cascade), delivered or failed notifications, and resolved alerts. The latest scan of every
 * domain is kept however old, so a domain never loses its current picture.
 */
export async function prune(prisma: PrismaClient, logger: Logger, retentionDays: number, now = new Date()) {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const scans = await prisma.$executeRaw`
    DELETE FROM scans s WHERE s.created_at < ${before}
      AND s.id <> (SELECT id FROM scans l WHERE l.domain_id = s.domain_id ORDER BY created_at DESC LIMIT 1)`;
  const notifications = await prisma.notification.deleteMany({
    where: { createdAt: { lt: before }, state: { in: ["sent", "failed"] } },
  });
  const alerts = await prisma.alert.deleteMany({ where: { state: "resolved", resolvedAt: { lt: before } } });
  const certificates = await prisma.$executeRaw`
    DELETE FROM certificates c WHERE NOT EXISTS (SELECT 1 FROM scan_certificates sc WHERE sc.certificate_id = c.id)`;
  logger.info(
    { scans, notifications: notifications.count, alerts: alerts.count, certificates },
    "pruned history",
  );
  return { scans, notifications: notifications.count, alerts: alerts.count, certificates };
}
