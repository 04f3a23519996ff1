export type { OutboxRow } from "./alerts/apply";
export { type AlertPlan, type ExistingAlert, planAlerts } from "./alerts/plan";
export { mayReceiveAlerts, type RecipientState, recipientStates } from "./alerts/recipients";
export { buildNotice, type NoticeContext } from "./notices/build";
export { type RecordedScan, type RecordScanInput, recordScan } from "./persist/record-scan";
export { dbGrades, domainStatus, gradeFromDb, gradeToDb } from "./persist/status";
export { defaultPolicy, type EffectivePolicy, effectivePolicy } from "./policy";
export { type Claim, claimDueDomains, leaseEnd, scanJobId } from "./schedule/claim";
