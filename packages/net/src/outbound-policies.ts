import { type AddressPolicy, createAddressPolicy } from "./address-policy";

/**
 * A service process's address policies, each opening only what its traffic needs. The scan
 * allow-list is the operator's choice to monitor internal hosts: it re-opens ranges for monitored
 * domains' scans alone, never for what a certificate or a team names on its own (AIA, OCSP, CRL
 * and ARI URLs, synchronous checks of any host, webhook URLs).
 */
export interface OutboundPolicies {
  /** Scans of monitored domains: the scan allow-list applies. */
  monitoredScans: AddressPolicy;
  /** Synchronous checks and every scan's AIA, OCSP, CRL and ARI fetches: no allow-list. */
  strict: AddressPolicy;
  /** Webhook deliveries: their own allow-list. */
  webhooks: AddressPolicy;
}

export function outboundPolicies(options: {
  /** Development and tests: every policy allows every address. */
  allowPrivate?: boolean;
  scanAllowlist?: string[];
  webhookAllowlist?: string[];
}): OutboundPolicies {
  const { allowPrivate } = options;
  return {
    monitoredScans: createAddressPolicy({ allowPrivate, allow: options.scanAllowlist }),
    strict: createAddressPolicy({ allowPrivate }),
    webhooks: createAddressPolicy({ allowPrivate, allow: options.webhookAllowlist }),
  };
}
