export { startMockServer } from "./server.js";
export { runMockServerCli, type MockCliIo } from "./cli.js";
export type {
  MockActionData,
  MockCollections,
  MockStateData,
  MockRequestRecord,
  MockSample,
  MockServer,
  MockServerOptions,
  MockServiceData,
  MockTask,
  MockTaskData,
  MockTasks,
} from "./types.js";
export { smokeCalls, type SmokeCall, type SmokeCallsOptions, type SmokeClientOptions, type SmokeReport } from "./smoke.js";
