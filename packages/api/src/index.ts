export { type Api, apiBasePath, createApi } from "./app";
export type { ApiDeps } from "./deps";
