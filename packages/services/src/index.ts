export { type AddDomainInput, addDomain, addDomainInput } from "./add-domain";
export type { OperatorContext, ServiceContext } from "./context";
export { ensureTeam, ensureTeamInput } from "./ensure-team";
export { ServiceError } from "./errors";
export { getScan, getScanInput } from "./get-scan";
export { requestScan, requestScanInput } from "./request-scan";
export { requireRole } from "./roles";
