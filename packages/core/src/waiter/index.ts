export { systemClock, type WaiterClock } from "./clock.js";
export {
  isTaskFailedError,
  isWaiterTimeoutError,
  TaskFailedError,
  type TaskFailureInit,
  type WaiterId,
  WaiterTimeoutError,
  type WaiterTimeoutInit,
} from "./errors.js";
export type { WaitOptions } from "./poll.js";
export { isWaiterFailedError, WaiterFailedError, type WaiterFailedInit } from "./state-errors.js";
export { type WaiterInvoke, type WaiterTarget, waitFor } from "./wait-for.js";
export { type StateWaiterInvoke, waitUntil } from "./wait-until.js";
