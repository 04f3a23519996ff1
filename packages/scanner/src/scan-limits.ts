/**
 * How far a scan goes on what a server or a certificate says: a hostile endpoint must not turn
 * one scan into hundreds of requests, parses or megabytes on our side.
 */

/** Certificates read from one handshake (real chains have two to four): each costs a parse and signature checks. */
export const MAX_SERVED_CERTIFICATES = 16;

/** AIA caIssuers and OCSP URLs followed per certificate; CRLs are read from the first distribution point only. */
export const MAX_URLS_PER_CERTIFICATE = 4;

/** Bytes one scan's AIA, OCSP, CRL and ARI fetches take together: a single CRL may be 10 MB. */
export const FETCH_BUDGET_BYTES = 16 * 1024 * 1024;
