import type { AddressLeases } from "./address-leases";

/**
 * Leases on each address, taken without waiting: `released` gives back all that were taken;
 * `missing` lists the addresses that had none free.
 */
export async function leaseEach(leases: AddressLeases, addresses: string[], leaseMs?: number) {
  const taken = await Promise.all(addresses.map((address) => leases.tryAcquire(address, leaseMs)));
  return {
    held: addresses.filter((_, index) => taken[index] !== null),
    missing: addresses.filter((_, index) => taken[index] === null),
    release: () => Promise.all(taken.map((release) => release?.())).then(() => undefined),
  };
}
