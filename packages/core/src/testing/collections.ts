import { randomBytes } from "node:crypto";
import type { PaginatorMeta } from "../meta.js";
import { type PathStep, parseStatePath } from "../waiter/state-path.js";
import type { MockServiceData, MockStateData } from "./types.js";

type Json = Record<string, unknown>;

/** A listed resource: its item, and the state transition it is in, if any. */
interface Entry {
  readonly item: Json;
  transition?: { readonly steps: readonly PathStep[]; readonly to: unknown; readonly at: number };
}

/** Settings of the collections of one server. */
export interface CollectionSettings {
  readonly now: () => number;
  /** Time from a create/transition call to the success state. */
  readonly stateDurationMs: number;
  /** Caller-given items by list action. */
  readonly given?: Readonly<Record<string, readonly unknown[] | undefined>>;
}

/** Default page size when the request sets no limit, as most Tencent Cloud APIs do. */
const DEFAULT_LIMIT = 20;
/** Most resources one simulated create call adds. */
const MAX_CREATED = 100;

/**
 * The resources behind the list (paginated) actions of one server. Each list starts from the
 * caller's `collections`, else the items of the action's samples, else items synthesised from
 * member examples. Listing applies the id filters and `Filters` it understands, then offset and
 * limit; ids are never rewritten. State waiters' `after` actions add resources (or move listed ones)
 * in a pending state that turns into the waiter's success state after `stateDurationMs`.
 */
export class Collections {
  readonly #data: MockServiceData;
  readonly #settings: CollectionSettings;
  readonly #lists = new Map<string, Entry[]>();

  constructor(data: MockServiceData, settings: CollectionSettings) {
    this.#data = data;
    this.#settings = settings;
  }

  /** Whether `action` is answered from a collection. */
  has(action: string): boolean {
    return this.#paginator(action) !== undefined;
  }

  /** Current items of a list action, states resolved on the server clock. */
  items(action: string): Json[] {
    return this.#list(action).map((entry) => this.#view(entry));
  }

  /** Fills `response` with the page of `action`'s collection that `request` asks for. */
  page(action: string, request: Json, response: Json): void {
    const paginator = this.#paginator(action)!;
    const matching = this.items(action).filter((item) => matches(item, request, paginator));
    const offset = Number(request[paginator.offset] ?? 0);
    const limit = Number(request[paginator.limit] ?? DEFAULT_LIMIT);
    response[paginator.items] = structuredClone(matching.slice(offset, offset + limit));
    if (paginator.total !== undefined) response[paginator.total] = matching.length;
  }

  /**
   * Applies the state waiters whose `after` lists `action`: new ids in `response` become new
   * resources (with fresh ids written into the response), otherwise the resources the request names
   * start moving.
   */
  afterAction(action: string, request: Json, response: Json): void {
    for (const state of this.#data.states ?? []) {
      if (!state.after.includes(action)) continue;
      const target = this.#target(state, request, response);
      if (!target) continue;
      const created = createdIds(response, target.idMember, request);
      if (created) {
        for (const id of created.ids) this.#add(state, target, id);
        response[created.member] = created.single ? created.ids[0] : created.ids;
      } else {
        const named = requestIds(request, target.idMember);
        for (const entry of this.#list(state.waiter.action.name)) {
          if (named.has(String(entry.item[target.idMember]))) this.#start(state, target.steps, entry);
        }
      }
    }
  }

  #add(state: MockStateData, target: Target, id: string): void {
    const list = this.#list(state.waiter.action.name);
    const template = list[0]?.item ?? this.#data.defaultItems?.[state.waiter.action.name]?.[0] ?? {};
    const entry: Entry = { item: { ...structuredClone(template as Json), [target.idMember]: id } };
    this.#start(state, target.steps, entry);
    list.push(entry);
  }

  #start(state: MockStateData, steps: readonly PathStep[], entry: Entry): void {
    const typed = (value: string | undefined): unknown =>
      value === undefined
        ? undefined
        : state.valueKind === "number"
          ? Number(value)
          : state.valueKind === "boolean"
            ? value === "true"
            : value;
    const success = typed(state.waiter.success[0]);
    const from = typed(state.pending[0]);
    if (from !== undefined) setAt(entry.item, steps, from);
    entry.transition = { steps, to: success, at: this.#settings.now() + this.#settings.stateDurationMs };
  }

  #view(entry: Entry): Json {
    const { transition } = entry;
    if (transition && this.#settings.now() >= transition.at) {
      setAt(entry.item, transition.steps, transition.to);
      delete entry.transition;
    }
    return entry.item;
  }

  /** Where a waiter's state lives in its list items, when the waiter polls a list action. */
  #target(state: MockStateData, request: Json, response: Json): Target | undefined {
    const paginator = this.#paginator(state.waiter.action.name);
    const [first, ...rest] = parseStatePath(state.waiter.path);
    if (!paginator || !first?.each || first.member !== paginator.items || rest.length === 0) return undefined;
    return { steps: rest, idMember: this.#idMember(state.waiter.action.name, request, response) };
  }

  /**
   * The id member of a list's items: the `…Id` member (e.g. `InstanceId`) whose ids the call's
   * response carries, else its request; else the item's first `…Id` member.
   */
  #idMember(action: string, request: Json, response: Json): string {
    const sample = this.items(action)[0] ?? (this.#data.defaultItems?.[action]?.[0] as Json | undefined) ?? {};
    const candidates = Object.keys(sample).filter((key) => /[a-z]Id$/.test(key));
    // The response first: a create call's request may name other ids (CVM RunInstances sends an ImageId).
    const namedIn = (o: Json) => (key: string) => idHolders(key).some((holder) => Object.hasOwn(o, holder));
    return candidates.find(namedIn(response)) ?? candidates.find(namedIn(request)) ?? candidates[0] ?? "Id";
  }

  #list(action: string): Entry[] {
    let list = this.#lists.get(action);
    if (list === undefined) {
      list = this.#initial(action).map((item) => ({ item: structuredClone(item) }));
      this.#lists.set(action, list);
    }
    return list;
  }

  #initial(action: string): Json[] {
    const given = this.#settings.given?.[action];
    if (given) return given as Json[];
    const paginator = this.#paginator(action);
    const fromSamples = (this.#data.samples[action] ?? []).flatMap((s) => {
      const items = paginator ? s.response[paginator.items] : undefined;
      return Array.isArray(items) ? (items as Json[]) : [];
    });
    const unique = [...new Map(fromSamples.map((item) => [JSON.stringify(item, bigints), item])).values()];
    return unique.length > 0 ? unique : ((this.#data.defaultItems?.[action] ?? []) as Json[]);
  }

  #paginator(action: string): PaginatorMeta | undefined {
    const paginators = this.#data.paginators;
    return paginators && Object.hasOwn(paginators, action) ? paginators[action] : undefined;
  }
}

interface Target {
  readonly steps: readonly PathStep[];
  readonly idMember: string;
}

/**
 * Whether `item` passes the filters of `request` this endpoint understands: `<X>Id` (equal),
 * `<X>Ids` (one of), and `Filters: [{ Name: "x-id", Values }]` naming an item member in kebab case.
 * A filter on a member the items do not have is not understood and is ignored.
 */
function matches(item: Json, request: Json, paginator: PaginatorMeta): boolean {
  for (const [key, value] of Object.entries(request)) {
    if (key === paginator.offset || key === paginator.limit) continue;
    if (key === "Filters" && Array.isArray(value)) {
      for (const filter of value as Json[]) {
        const member = typeof filter?.["Name"] === "string" ? pascal(filter["Name"]) : undefined;
        const values = Array.isArray(filter?.["Values"]) ? (filter["Values"] as unknown[]).map(String) : undefined;
        if (member === undefined || values === undefined || !Object.hasOwn(item, member) || !isScalar(item[member]))
          continue;
        if (!values.includes(String(item[member]))) return false;
      }
      continue;
    }
    const single = /[a-z]Id$/.test(key) && isScalar(value);
    const member = single ? key : /[a-z]Ids$/.test(key) && Array.isArray(value) ? key.slice(0, -1) : undefined;
    if (member === undefined || !Object.hasOwn(item, member)) continue;
    const wanted = single ? [String(value)] : (value as unknown[]).map(String);
    if (!wanted.includes(String(item[member]))) return false;
  }
  return true;
}

/** Members that may carry ids of items keyed `idMember`: `InstanceIds`, `InstanceIdSet`, `InstanceIdList`, `InstanceId`. */
function idHolders(idMember: string): string[] {
  return [`${idMember}s`, `${idMember}Set`, `${idMember}List`, idMember];
}

/**
 * Fresh ids for a create call: the response member holding ids of the waited resources
 * (e.g. `InstanceIds`, `InstanceIdSet` or `InstanceId` for items keyed `InstanceId`), with as many new ids as the request's
 * `…Count`/`…Num` member asks for (else as many as the sample had), each keeping the sample's prefix.
 */
function createdIds(
  response: Json,
  idMember: string,
  request: Json,
): { member: string; ids: string[]; single: boolean } | undefined {
  for (const member of idHolders(idMember)) {
    const value = response[member];
    const sample = Array.isArray(value) ? value : typeof value === "string" ? [value] : undefined;
    if (sample === undefined) continue;
    const asked = Object.entries(request).find(([key, v]) => /(Count|Num)$/.test(key) && typeof v === "number")?.[1] as
      | number
      | undefined;
    const count = Math.min(MAX_CREATED, Math.max(1, asked ?? sample.length));
    const prefix = /^(.*-)/.exec(String(sample[0] ?? ""))?.[1] ?? "id-";
    const ids = Array.from({ length: count }, () => `${prefix}${randomBytes(4).toString("hex")}`);
    return { member, ids, single: !Array.isArray(value) };
  }
  return undefined;
}

function requestIds(request: Json, idMember: string): Set<string> {
  return new Set(
    idHolders(idMember).flatMap((holder) => {
      const value = request[holder];
      return isScalar(value) ? [String(value)] : Array.isArray(value) ? value.map(String) : [];
    }),
  );
}

function setAt(item: Json, steps: readonly PathStep[], value: unknown): void {
  let node: Json = item;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) node[step.member] = value;
    else {
      const next = node[step.member];
      node = (typeof next === "object" && next !== null ? next : (node[step.member] = {})) as Json;
    }
  });
}

/** `instance-id` → `InstanceId`, `zone` → `Zone`. */
function pascal(name: string): string {
  return name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function isScalar(value: unknown): value is string | number | bigint | boolean {
  return (
    typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean"
  );
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? `${value}n` : value;
}
