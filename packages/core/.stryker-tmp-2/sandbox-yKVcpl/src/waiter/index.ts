// @ts-nocheck
export { waitFor, type WaitOptions, type WaiterInvoke, type WaiterTarget } from "./wait-for.js";
export {
  TaskFailedError,
  WaiterTimeoutError,
  isTaskFailedError,
  isWaiterTimeoutError,
  type WaiterId,
  type TaskFailureInit,
  type WaiterTimeoutInit,
} from "./errors.js";
export { systemClock, type WaiterClock } from "./clock.js";
