import { CrlSource } from "./crl-source";

/** The CRLs of a process that brings no shared store (the CLI, the API's checks): memory only. */
export const processCrlSource = new CrlSource();
