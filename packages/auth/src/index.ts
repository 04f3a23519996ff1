export { type Auth, type AuthOptions, type AuthSession, createAuth } from "./auth";
export { accessControl, roles } from "./roles";
export { secondStepPage } from "./second-step";
