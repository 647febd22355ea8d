/**
 * Identifier rules. Spec names are already PascalCase wire names; these
 * functions only derive the other casings, identically on every machine.
 */

/**
 * `DescribeTaskInfo` → `describeTaskInfo`, `DBInstances` → `dbInstances`, `ABC` → `abc`.
 * A leading acronym is lowered whole, except its last letter when that letter starts the next word.
 */
export function camelCase(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? "";
  if (run.length === 0) return name;
  if (run.length === 1 || run.length === name.length)
    return name.slice(0, run.length).toLowerCase() + name.slice(run.length);
  const next = name.charAt(run.length);
  const lowered = /[a-z]/.test(next) ? run.length - 1 : run.length;
  return name.slice(0, lowered).toLowerCase() + name.slice(lowered);
}

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
