import type { ActionMeta, ServiceMeta, ShapeTable } from "../meta.js";

/** One empty table, so metadata without shapes still hits the compiled-table cache. */
const NO_SHAPES: ShapeTable = Object.freeze({});

/** The table an action's request shape is in: its own (generated packages), else the service's. */
export function shapesOf(action: ActionMeta, meta: ServiceMeta): ShapeTable {
  return action.shapes ?? meta.shapes ?? NO_SHAPES;
}
