// @ts-nocheck
export { startMockServer } from "./server.js";
export { runMockServerCli, type MockCliIo } from "./cli.js";
export type {
  MockActionData,
  MockRequestRecord,
  MockSample,
  MockServer,
  MockServerOptions,
  MockServiceData,
  MockTask,
  MockTaskData,
  MockTasks,
} from "./types.js";
