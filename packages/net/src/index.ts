export {
  type AddressPolicy,
  type AddressPolicyOptions,
  type AddressVerdict,
  allowAllAddresses,
  assertAllowed,
  createAddressPolicy,
} from "./address-policy";
export { boundedRequest, type HttpOptions, type HttpResult } from "./bounded-request";
export { BlockedAddressError, ResponseTooLargeError } from "./errors";
export { KeyedLimiter } from "./keyed-limiter";
export { createLimiter, type Limiter } from "./limiter";
