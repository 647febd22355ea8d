/**
 * Identifier rules. Spec names are already PascalCase wire names; these
 * functions only derive the other casings, identically on every machine.
 */

/**
 * `DescribeTaskInfo` → `describeTaskInfo`, `DBInstances` → `dbInstances`: core's published rule
 * (`@org/tc-core/naming`), so users can map a wire name to our method name the way we do.
 */
export { actionMethodName as camelCase } from "@org/tc-core/naming";

/** `taskDone` or `task_done` → `TaskDone`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** `@org/tc-redis` → `tc-redis`: the unscoped part of a package name. */
export function unscopedName(packageName: string): string {
  const slash = packageName.lastIndexOf("/");
  return slash === -1 ? packageName : packageName.slice(slash + 1);
}

/** `RedisClient` → `Redis`: the prefix shared by service-wide names. */
export function servicePrefix(clientName: string): string {
  return clientName.endsWith("Client") && clientName.length > "Client".length
    ? clientName.slice(0, -"Client".length)
    : clientName;
}

/**
 * Waiter method name from the member it tracks: `TaskId` → `waitForTask`, so a caller reads
 * what is awaited. A waiter whose input is not an `…Id` member falls back to `waitUntil<Name>`.
 */
export function waiterMethodName(waiterName: string, input: string): string {
  const match = /^(.+?)(Id|ID)$/.exec(input);
  return match?.[1] ? `waitFor${pascalCase(match[1])}` : `waitUntil${pascalCase(waiterName)}`;
}
