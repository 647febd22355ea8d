import type { ShapeTable } from "../meta.js";
import { checkShape, type Problems } from "./check.js";
import { compileShapes } from "./compile.js";

export { MAX_REQUEST_DEPTH } from "./check.js";

export { isValidationError, ValidationError } from "./validation-error.js";

/**
 * Checks `value` against the request shape `shape` of a service's compact type table and returns
 * every problem found (empty when valid): required members present, JS types (`bigint` accepted for
 * integers), nested lists and structures, and no unknown keys. A cycle, or nesting deeper than
 * {@link MAX_REQUEST_DEPTH}, is a problem like any other, never a stack overflow. The table is compiled once per
 * `shapes` object and cached, so repeated calls only walk the value.
 *
 * @throws TypeError when `shape` is not in the table or the table itself is malformed (a generator bug).
 */
export function validateRequest(shapes: ShapeTable, shape: string, value: unknown): string[] {
  const compiled = compileShapes(shapes).get(shape);
  if (compiled === undefined) throw new TypeError(`Invalid service metadata: unknown request shape "${shape}"`);
  const problems: Problems = { path: [], list: [], ancestors: new Set() };
  checkShape(compiled, value, problems);
  return problems.list;
}
