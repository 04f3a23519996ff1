import "server-only";
import type { Role } from "@port443/db";
import { hasRole } from "@port443/services";
import { Notice } from "@/components/ui/notice";

/** For settings pages: a notice instead of the page when the role is below admin (the services refuse too). */
export function adminOnly(role: Role) {
  return hasRole(role, "admin") ? null : <Notice>Only admins and owners change these settings.</Notice>;
}
