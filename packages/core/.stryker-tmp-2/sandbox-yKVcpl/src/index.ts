// @ts-nocheck
export * from "./meta.js";
export { defineActions, type ActionTable } from "./define-actions.js";
export * from "./client/index.js";
export * from "./errors/index.js";
export * from "./signer/index.js";
export * from "./transport/index.js";
export * from "./endpoint/index.js";
export * from "./retry/index.js";
export * from "./rate-limit/index.js";
export * from "./json/index.js";
export * from "./credentials/index.js";
export * from "./validate/index.js";
export * from "./waiter/index.js";
export * from "./paginator/index.js";
