export { type MockCliIo, runMockServerCli } from "./cli.js";
export { startMockServer } from "./server.js";
export type {
  MockActionData,
  MockCollections,
  MockRequestRecord,
  MockSample,
  MockServer,
  MockServerOptions,
  MockServiceData,
  MockStateData,
  MockTask,
  MockTaskData,
  MockTasks,
} from "./types.js";
