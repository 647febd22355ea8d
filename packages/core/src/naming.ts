/**
 * `DescribeTaskInfo` → `describeTaskInfo`, `DBInstances` → `dbInstances`, `ABC` → `abc`: the client
 * method name of an action. The first letter is lowered, and so is the rest of a leading acronym
 * except a capital that starts the next word.
 *
 * The one naming rule: the generator (`@org/tc-generator`) names client methods and standalone
 * functions with this function, imported from `@org/tc-core/naming`, so code that maps wire names
 * to generated names (yours or ours) can use the same rule.
 *
 * @param name - A wire action name, e.g. `DescribeTaskInfo`.
 * @returns The method name, e.g. `describeTaskInfo`.
 */
export function actionMethodName(name: string): string {
  return name.replace(/^[A-Z](?:[A-Z]*(?![a-z]))?/, (acronym) => acronym.toLowerCase());
}
