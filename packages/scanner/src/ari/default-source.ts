import { RenewalInfoSource } from "./renewal-info";

/** ARI answers of this process, for callers that bring no source of their own. */
export const processRenewalInfoSource = new RenewalInfoSource();
