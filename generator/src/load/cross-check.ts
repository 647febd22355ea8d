import { hasKey } from "../spec/dict.js";
import {
  type ActionSpec,
  type ErrorsSpec,
  isStateWaiterSpec,
  type ServiceSpec,
  type SpecMember,
  type SpecType,
  type StructureSpec,
} from "../spec/types.js";
import { pointerSegment, type SpecProblem } from "./problems.js";
import { checkStateWaiter } from "./state-waiters.js";

/** A schema-valid file with the path it was read from (relative to the specs root). */
export interface Located<T> {
  file: string;
  value: T;
}

/** Everything of one service that passed schema validation, plus names of files that did not. */
export interface ServiceParts {
  dir: string;
  serviceName: string;
  version: string;
  service?: Located<ServiceSpec>;
  errors?: Located<ErrorsSpec>;
  actions: Located<ActionSpec>[];
  structures: Located<StructureSpec>[];
  /** Names whose files exist but failed to parse or validate: references to them are not reported again. */
  brokenActions: Set<string>;
  brokenStructures: Set<string>;
}

/** Rules a JSON Schema cannot express because they span files. */
export function crossCheck(parts: ServiceParts, common: ErrorsSpec | undefined): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });

  const structureNames = new Set([...parts.structures.map((s) => s.value.name), ...parts.brokenStructures]);
  const actionsByName = new Map(parts.actions.map((a) => [a.value.name, a.value]));
  const knownAction = (name: string) => actionsByName.has(name) || parts.brokenActions.has(name);

  const checkMembers = (file: string, base: string, members: readonly SpecMember[]) => {
    const seen = new Set<string>();
    members.forEach((m, i) => {
      const at = `${base}/${i}`;
      if (seen.has(m.name)) add(file, `${at}/name`, `duplicate member "${m.name}"`);
      seen.add(m.name);
      checkType(m.type, `${at}/type`, (path, name) =>
        add(file, path, `structure "${name}" not found in ${parts.dir}/structures/`),
      );
    });
  };
  const checkType = (type: SpecType, path: string, missing: (path: string, name: string) => void) => {
    if (type.kind === "list") checkType(type.items, `${path}/items`, missing);
    else if (type.kind === "structure" && !structureNames.has(type.name)) missing(`${path}/name`, type.name);
  };

  for (const { file, value } of parts.structures) {
    const expected = baseName(file);
    if (value.name !== expected) add(file, "/name", `name "${value.name}" does not match file name "${expected}"`);
    checkMembers(file, "/members", value.members);
  }

  const serviceCodes = parts.errors?.value.codes ?? {};
  const commonCodes = common?.codes ?? {};
  for (const { file, value } of parts.actions) {
    const expected = baseName(file);
    if (value.name !== expected) add(file, "/name", `name "${value.name}" does not match file name "${expected}"`);
    checkMembers(file, "/input", value.input);
    checkMembers(file, "/output", value.output);
    if (value.stream) {
      const member = value.input.find((m) => m.name === value.stream?.member);
      if (!member) add(file, "/stream/member", `"${value.stream.member}" is not an input member of ${value.name}`);
      else if (member.type.kind !== "boolean")
        add(file, "/stream/member", `"${value.stream.member}" must be a boolean to switch streaming on`);
    }
    if (!parts.errors) continue;
    value.errors.forEach((code, i) => {
      if (!hasKey(serviceCodes, code) && !hasKey(commonCodes, code)) {
        add(file, `/errors/${i}`, `error code "${code}" is in neither ${parts.dir}/errors.json nor common/errors.json`);
      }
    });
  }

  if (parts.service) checkService(parts, parts.service, actionsByName, knownAction, add);
  return problems;
}

function checkService(
  parts: ServiceParts,
  { file, value }: Located<ServiceSpec>,
  actions: Map<string, ActionSpec>,
  knownAction: (name: string) => boolean,
  add: (file: string, path: string, message: string) => void,
): void {
  if (value.name !== parts.serviceName) {
    add(file, "/name", `name "${value.name}" does not match directory "${parts.serviceName}"`);
  }
  if (value.version !== parts.version) {
    add(file, "/version", `version "${value.version}" does not match directory "${parts.version}"`);
  }

  const structures = new Map(parts.structures.map((s) => [s.value.name, s.value]));
  for (const [waiterName, waiter] of Object.entries(value.waiters)) {
    const at = `/waiters/${pointerSegment(waiterName)}`;
    if (isStateWaiterSpec(waiter)) {
      checkStateWaiter(file, at, waiter, actions, structures, knownAction, add);
      continue;
    }
    if (waiter.minDelayMs > waiter.maxDelayMs) add(file, `${at}/minDelayMs`, "minDelayMs is greater than maxDelayMs");
    const action = actions.get(waiter.action);
    if (!action) {
      if (!knownAction(waiter.action)) add(file, `${at}/action`, `action "${waiter.action}" not found`);
    } else {
      if (!action.input.some((m) => m.name === waiter.input)) {
        add(file, `${at}/input`, `"${waiter.input}" is not an input member of ${waiter.action}`);
      }
      if (!action.output.some((m) => m.name === waiter.path)) {
        add(file, `${at}/path`, `"${waiter.path}" is not an output member of ${waiter.action}`);
      }
    }
    waiter.trackedActions.forEach((tracked, i) => {
      const trackedAction = actions.get(tracked);
      if (!trackedAction) {
        if (!knownAction(tracked)) add(file, `${at}/trackedActions/${i}`, `action "${tracked}" not found`);
      } else if (!trackedAction.output.some((m) => m.name === waiter.input)) {
        add(file, `${at}/trackedActions/${i}`, `${tracked} has no output member "${waiter.input}" to track`);
      }
    });
  }

  for (const [actionName, paginator] of Object.entries(value.paginators)) {
    const at = `/paginators/${pointerSegment(actionName)}`;
    const action = actions.get(actionName);
    if (!action) {
      if (!knownAction(actionName)) add(file, at, `action "${actionName}" not found`);
      continue;
    }
    const input = (name: string) => action.input.find((m) => m.name === name);
    const output = (name: string) => action.output.find((m) => m.name === name);
    for (const key of ["offset", "limit"] as const) {
      const member = input(paginator[key]);
      if (!member) add(file, `${at}/${key}`, `"${paginator[key]}" is not an input member of ${actionName}`);
      else if (member.type.kind !== "integer") add(file, `${at}/${key}`, `"${paginator[key]}" is not an integer`);
    }
    const items = output(paginator.items);
    if (!items) add(file, `${at}/items`, `"${paginator.items}" is not an output member of ${actionName}`);
    else if (items.type.kind !== "list") add(file, `${at}/items`, `"${paginator.items}" is not a list`);
    if (paginator.total !== undefined) {
      const total = output(paginator.total);
      if (!total) add(file, `${at}/total`, `"${paginator.total}" is not an output member of ${actionName}`);
      else if (total.type.kind !== "integer") add(file, `${at}/total`, `"${paginator.total}" is not an integer`);
    }
  }
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.json$/, "");
}
