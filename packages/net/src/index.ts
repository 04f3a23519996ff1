export {
  type AddressKind,
  type AddressPolicy,
  type AddressPolicyOptions,
  type AddressVerdict,
  allowAllAddresses,
  assertAllowed,
  createAddressPolicy,
} from "./address-policy";
export { boundedRequest, type HttpOptions, type HttpResult, type RequestLimits } from "./bounded-request";
export { ByteBudget } from "./byte-budget";
export { BlockedAddressError, ByteBudgetExhaustedError, ResponseTooLargeError } from "./errors";
export { KeyedLimiter } from "./keyed-limiter";
export { createLimiter, type Limiter } from "./limiter";
export { type OutboundPolicies, outboundPolicies } from "./outbound-policies";
