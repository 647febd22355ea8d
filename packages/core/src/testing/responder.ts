import type { Collections } from "./collections.js";
import type { TaskStore } from "./tasks.js";
import type { MockSample, MockServiceData } from "./types.js";

type Json = Record<string, unknown>;

/**
 * Builds the success answer to a valid call: for list actions, the filtered page of the collection
 * (ids as stored, never rewritten); otherwise the best-matching sample with the request's own ids put
 * in. Then a fresh task for task-starting actions, live state for the task status action, and new or
 * moving resources for the actions state waiters follow.
 */
export function answer(
  data: MockServiceData,
  collections: Collections,
  tasks: TaskStore,
  action: string,
  request: Json,
): Json {
  const sample = pickSample(data.samples[action] ?? [], request);
  const fallback =
    data.defaultAnswers && Object.hasOwn(data.defaultAnswers, action) ? data.defaultAnswers[action] : undefined;
  const response = structuredClone((sample?.response ?? fallback ?? {}) as Json);
  delete response["RequestId"];

  if (collections.has(action)) collections.page(action, request, response);
  else substituteIds(response, idsOf(request));
  collections.afterAction(action, request, response);

  const task = data.task;
  if (task && action === task.waiter.action.name) {
    const known = tasks.get(Number(request[task.waiter.input]));
    if (known) {
      response[task.waiter.path] = known.status;
      if ("TaskMessage" in response) response["TaskMessage"] = known.message;
      if ("TaskType" in response) response["TaskType"] = known.action;
      if ("InstanceId" in response && known.instanceId !== undefined) response["InstanceId"] = known.instanceId;
    }
  }
  if (task?.trackedActions.includes(action)) {
    response[task.waiter.input] = tasks.create({ action, ...instanceOf(request) }).id;
  }
  return response;
}

/**
 * The sample whose request looks most like this one: a point per member both set, another when the
 * values are equal too; the first on a tie.
 */
function pickSample(samples: readonly MockSample[], request: Json): MockSample | undefined {
  let best: MockSample | undefined;
  let bestScore = -1;
  for (const sample of samples) {
    let score = 0;
    for (const [key, value] of Object.entries(request)) {
      if (key in sample.request) score += sameJson(sample.request[key], value) ? 2 : 1;
    }
    if (score > bestScore) {
      best = sample;
      bestScore = score;
    }
  }
  return best;
}

/** Scalar request members named `...Id`: the identifiers a caller expects to see echoed back. */
function idsOf(request: Json): Map<string, unknown> {
  const ids = new Map<string, unknown>();
  for (const [key, value] of Object.entries(request)) {
    if (key.endsWith("Id") && isScalar(value)) ids.set(key, value);
  }
  return ids;
}

function substituteIds(node: unknown, ids: ReadonlyMap<string, unknown>): void {
  if (ids.size === 0 || typeof node !== "object" || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) substituteIds(item, ids);
    return;
  }
  const record = node as Json;
  for (const [key, value] of Object.entries(record)) {
    if (ids.has(key) && isScalar(value)) record[key] = ids.get(key);
    else substituteIds(value, ids);
  }
}

function instanceOf(request: Json): { instanceId?: string } {
  const single = request["InstanceId"];
  if (typeof single === "string") return { instanceId: single };
  const many = request["InstanceIds"];
  if (Array.isArray(many) && typeof many[0] === "string") return { instanceId: many[0] };
  return {};
}

function isScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "bigint";
}

function sameJson(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x));
  return text(a) === text(b);
}
