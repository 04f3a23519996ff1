import { setTimeout as sleep } from "node:timers/promises";
import type { AddressLeases } from "./address-leases";

/**
 * A busy address is asked again this often, for this long, before the job gives up on it: a watch
 * probe holds its lease for milliseconds, so without this a deep scan meeting one would be put
 * back for a second or more, and a probe meeting another would wait a minute.
 */
const RETRY_EVERY_MS = 20;
const RETRY_FOR_MS = 100;

/**
 * Leases on each address (`lease`: its weight in connections and its length), taken without
 * waiting longer than RETRY_FOR_MS: `release` gives back all
 * that were taken; `missing` lists the addresses that had none free.
 */
export async function leaseEach(
  leases: AddressLeases,
  addresses: string[],
  lease: Parameters<AddressLeases["tryAcquire"]>[1],
) {
  const taken = await Promise.all(addresses.map((address) => leases.tryAcquire(address, lease)));
  const deadline = Date.now() + RETRY_FOR_MS;
  while (taken.includes(null) && Date.now() < deadline) {
    await sleep(RETRY_EVERY_MS * (0.5 + Math.random()));
    await Promise.all(
      addresses.map(async (address, index) => {
        if (taken[index] === null) taken[index] = await leases.tryAcquire(address, lease);
      }),
    );
  }
  return {
    held: addresses.filter((_, index) => taken[index] !== null),
    missing: addresses.filter((_, index) => taken[index] === null),
    release: () => Promise.all(taken.map((release) => release?.())).then(() => undefined),
  };
}
