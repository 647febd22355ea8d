import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionMeta, PaginatorMeta, ServiceMeta, TypeCode, WaiterMeta } from "../../src/meta.js";
import type { MockActionData, MockSample, MockServiceData } from "../../src/testing/index.js";

/** The committed Redis specs, read at test time so these tests follow any re-import. */
export const REDIS_SPECS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../specs/redis/2018-04-12");

interface SpecType {
  kind: "string" | "integer" | "float" | "boolean" | "object" | "list" | "structure";
  width?: "int64" | "uint64";
  items?: SpecType;
  name?: string;
}
interface SpecMember {
  name: string;
  type: SpecType;
  required: boolean;
}
interface SpecAction {
  name: string;
  rateLimit: number;
  readOnly: boolean;
  regionRequired: boolean;
  input: SpecMember[];
  samples: MockSample[];
}

function typeCode(type: SpecType): TypeCode {
  switch (type.kind) {
    case "string":
      return "s";
    case "integer":
      return type.width === "uint64" ? "u" : "i";
    case "float":
      return "f";
    case "boolean":
      return "b";
    case "object":
      return "o";
    case "list":
      return `[${typeCode(type.items!)}`;
    case "structure":
      return `#${type.name!}`;
  }
}

const shapeOf = (members: SpecMember[]): Record<string, TypeCode> =>
  Object.fromEntries(members.map((m) => [m.name, `${m.required ? "!" : ""}${typeCode(m.type)}`]));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/**
 * Test-side stand-in for what the generator emits for `@org/tc-redis`: service metadata with the
 * compact shapes table, every action, and the local endpoint's data built from the same specs.
 */
export function loadRedisSpecs(): {
  meta: ServiceMeta;
  actions: SpecAction[];
  data: MockServiceData;
  taskDone: WaiterMeta;
} {
  const service = readJson<{
    name: string;
    version: string;
    endpoint: string;
    intlEndpoint: string;
    waiters: Record<string, Omit<WaiterMeta, "action"> & { action: string; trackedActions: string[] }>;
    paginators: Record<string, Omit<PaginatorMeta, "action">>;
  }>(join(REDIS_SPECS, "service.json"));
  const actions = readdirSync(join(REDIS_SPECS, "actions"))
    .sort()
    .map((file) => readJson<SpecAction>(join(REDIS_SPECS, "actions", file)));
  const shapes: Record<string, Record<string, TypeCode>> = {};
  for (const file of readdirSync(join(REDIS_SPECS, "structures")).sort()) {
    shapes[file.replace(/\.json$/, "")] = shapeOf(
      readJson<{ members: SpecMember[] }>(join(REDIS_SPECS, "structures", file)).members,
    );
  }
  const actionMeta: Record<string, MockActionData> = {};
  for (const action of actions) {
    shapes[`${action.name}Request`] = shapeOf(action.input);
    actionMeta[action.name] = {
      name: action.name,
      rateLimit: action.rateLimit,
      readOnly: action.readOnly,
      input: `${action.name}Request`,
      regionRequired: action.regionRequired,
    };
  }
  const meta: ServiceMeta = {
    service: service.name,
    version: service.version,
    endpoint: service.endpoint,
    intlEndpoint: service.intlEndpoint,
    shapes,
  };
  const { trackedActions, action: waiterAction, ...waiter } = service.waiters["TaskDone"]!;
  const taskDone: WaiterMeta = { ...waiter, action: actionMeta[waiterAction] as ActionMeta };
  const paginators = Object.fromEntries(
    Object.entries(service.paginators).map(([name, p]) => [name, { ...p, action: actionMeta[name] as ActionMeta }]),
  );
  const data: MockServiceData = {
    meta,
    actions: actionMeta,
    samples: Object.fromEntries(actions.map((a) => [a.name, a.samples])),
    task: { waiter: taskDone, trackedActions },
    paginators,
  };
  return { meta, actions, data, taskDone };
}
