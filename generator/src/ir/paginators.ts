import type { PaginatorSpec } from "../spec/types.js";
import { camelCase } from "./naming.js";
import type { ProblemList } from "./problems.js";
import type { IrMember, IrPaginator } from "./types.js";

/** Action data a paginator is checked against. */
export interface PaginatedAction {
  readonly name: string;
  readonly input: readonly IrMember[];
  readonly output: readonly IrMember[];
}

/**
 * Resolves the paginator of `action`, checking that offset and limit are integer inputs,
 * `items` a list output and `total` an integer output. Problems point into service.json.
 */
export function resolvePaginator(
  spec: PaginatorSpec,
  action: PaginatedAction,
  problems: ProblemList,
): IrPaginator | undefined {
  const at = `/paginators/${action.name}`;
  const before = problems.size;
  const integerInput = (member: string, key: string): void => {
    const found = action.input.find((m) => m.name === member);
    if (!found) problems.add("service.json", `${at}/${key}`, `${action.name} has no input member "${member}"`);
    else if (!isInteger(found))
      problems.add("service.json", `${at}/${key}`, `input member "${member}" of ${action.name} is not an integer`);
  };
  integerInput(spec.offset, "offset");
  integerInput(spec.limit, "limit");
  const items = action.output.find((m) => m.name === spec.items);
  if (!items) problems.add("service.json", `${at}/items`, `${action.name} has no output member "${spec.items}"`);
  else if (items.type.kind !== "list")
    problems.add("service.json", `${at}/items`, `output member "${spec.items}" of ${action.name} is not a list`);
  if (spec.total !== undefined) {
    const total = action.output.find((m) => m.name === spec.total);
    if (!total) problems.add("service.json", `${at}/total`, `${action.name} has no output member "${spec.total}"`);
    else if (!isInteger(total))
      problems.add("service.json", `${at}/total`, `output member "${spec.total}" of ${action.name} is not an integer`);
  }
  if (problems.size > before || items?.type.kind !== "list") return undefined;
  const method = camelCase(action.name);
  return {
    methodName: `paginate${action.name}`,
    metaName: `${method}Paginator`,
    offset: spec.offset,
    limit: spec.limit,
    items: spec.items,
    itemType: items.type.items,
    ...(spec.total !== undefined ? { total: spec.total } : {}),
  };
}

function isInteger(member: IrMember): boolean {
  return member.type.kind === "int64" || member.type.kind === "uint64";
}
