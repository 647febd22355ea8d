import type { IrAction, IrService } from "../../ir/index.js";

/** Ends spec prose with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?。:]$/.test(trimmed) || trimmed === "" ? trimmed : `${trimmed}.`;
}

/** `{@link RedisClient.describeTaskInfo | describeTaskInfo}`. */
export function methodLink(ir: IrService, method: string): string {
  return `{@link ${ir.names.client}.${method} | ${method}}`;
}

/** Whether a request may be omitted because no member is required. */
export function requestOptional(action: IrAction): boolean {
  return !action.input.some((m) => m.required);
}

/** The action polled by a waiter or paginated, looked up by wire name. */
export function actionNamed(ir: IrService, name: string): IrAction {
  const action = ir.actions.find((a) => a.name === name);
  if (!action) throw new Error(`IR invariant broken: no action ${name}`);
  return action;
}
