export { acknowledgeAlert, acknowledgeAlertInput } from "./acknowledge-alert";
export { acknowledgeGroup, acknowledgeGroupInput } from "./acknowledge-group";
export { type AddDomainInput, addDomain, addDomainInput } from "./add-domain";
export { addDomains, addDomainsInput, maxBulkDomains } from "./add-domains";
export { allowInvitation } from "./allow-invitation";
export { apiKeyRevocationsChannel } from "./api-key-revocations";
export { apiKeyPattern, hashApiKey } from "./api-key-secret";
export { authenticateApiKey } from "./authenticate-api-key";
export { type BadgeState, renderBadge } from "./badge-svg";
export { badgeTokenPattern, badgeUrl } from "./badge-token";
export { type CheckPolicy, type CheckReason, checkPolicy, evaluateCheck } from "./check-policy";
export { confirmRecipient, confirmRecipientInput } from "./confirm-recipient";
export type { OperatorContext, ServiceContext } from "./context";
export { apiScopes, createApiKey, createApiKeyInput } from "./create-api-key";
export { createWebhook, createWebhookInput } from "./create-webhook";
export { deleteDomain, deleteDomainInput } from "./delete-domain";
export { deleteWebhook, deleteWebhookInput } from "./delete-webhook";
export { disableBadge, disableBadgeInput } from "./disable-badge";
export { tagPattern } from "./domain-fields";
export { enableBadge, enableBadgeInput } from "./enable-badge";
export { ensureTeam, ensureTeamInput } from "./ensure-team";
export { type FieldIssue, LimitError, ServiceError, type ServiceErrorCode } from "./errors";
export { findInvitation, findInvitationInput } from "./find-invitation";
export { findNotificationGroup, findNotificationGroupInput } from "./find-notification-group";
export { findRecipientConfirmation, findRecipientConfirmationInput } from "./find-recipient-confirmation";
export { getAlertPolicy } from "./get-alert-policy";
export { getBadge, getBadgeInput } from "./get-badge";
export { getDomain, getDomainInput } from "./get-domain";
export { getDomainAlertPolicy, getDomainAlertPolicyInput } from "./get-domain-alert-policy";
export { getDomainHistory, getDomainHistoryInput } from "./get-domain-history";
export { getLatestScan, getLatestScanInput } from "./get-latest-scan";
export { getOverview } from "./get-overview";
export { getPrivateCa } from "./get-private-ca";
export { getRecipientStates, getRecipientStatesInput, type RecipientStatus } from "./get-recipient-states";
export { getScan, getScanInput } from "./get-scan";
export { getTeamSchedule } from "./get-team-schedule";
export { getTwoFactorPolicy } from "./get-two-factor-policy";
export { listAlerts, listAlertsInput } from "./list-alerts";
export { listApiKeys } from "./list-api-keys";
export { listAuditEvents, listAuditEventsInput } from "./list-audit-events";
export { listDomainPolicyOverrides } from "./list-domain-policy-overrides";
export { dbGrades, domainStatuses, type ListedDomain, listDomains, listDomainsInput } from "./list-domains";
export { listMembers } from "./list-members";
export { listScans, listScansInput } from "./list-scans";
export { listWebhooks } from "./list-webhooks";
export { muteDomain, muteDomainInput } from "./mute-domain";
export {
  type AuditAction,
  type AuditContext,
  type AuditEntry,
  auditActions,
  recordAudit,
} from "./record-audit";
export { requestScan, requestScanInput } from "./request-scan";
export { requireTwoFactor, requireTwoFactorInput } from "./require-two-factor";
export { revokeApiKey, revokeApiKeyInput } from "./revoke-api-key";
export { hasRole, requireRole } from "./roles";
export { rotateBadge, rotateBadgeInput } from "./rotate-badge";
export { type CheckContext, runCheck, runCheckInput } from "./run-check";
export { sendTestWebhook, sendTestWebhookInput } from "./send-test-webhook";
export { setPrivateCa, setPrivateCaInput } from "./set-private-ca";
export type { TeamQuotas } from "./team-quotas";
export { updateAlertPolicy, updateAlertPolicyInput } from "./update-alert-policy";
export { updateDomain, updateDomainInput } from "./update-domain";
export {
  updateDomainAlertPolicy,
  updateDomainAlertPolicyInput,
} from "./update-domain-alert-policy";
export { updateTeamSchedule, updateTeamScheduleInput } from "./update-team-schedule";
