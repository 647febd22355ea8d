// Compiled by ../types.test.ts like redis-usage.ts: the modular form (bare client + standalone
// functions) accepts and returns exactly what the RedisClient methods do, for every action,
// paginator and waiter, and both forms take the same options.
import type * as redis from "@org/tc-redis";
import { type DescribeTaskInfoResponse, describeTaskInfo, type RedisBaseClient, type RedisClient } from "@org/tc-redis";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T => true as T;

/** Methods RedisClient adds over the bare client: one per action, paginator and waiter. */
type Added = Exclude<keyof RedisClient, keyof RedisBaseClient>;
type Rest<F> = F extends (client: RedisBaseClient, ...rest: infer R) => unknown ? R : never;

/** For each method: [method parameters, standalone parameters after the client, both return types]. */
type Pairs = {
  [K in Added]: K extends keyof typeof redis
    ? RedisClient[K] extends (...args: infer P) => infer R
      ? (typeof redis)[K] extends (...args: never[]) => infer S
        ? [Equal<P, Rest<(typeof redis)[K]>>, Equal<R, S>]
        : [false, false]
      : [false, false]
    : [false, false];
};
holds<Equal<Pairs[Added], [true, true]>>();
holds<Equal<ConstructorParameters<typeof RedisBaseClient>, ConstructorParameters<typeof RedisClient>>>();

export async function usage(client: RedisBaseClient, full: RedisClient): Promise<void> {
  // @ts-expect-error TaskId is required, as in the method
  await describeTaskInfo(client, {});
  const task = await describeTaskInfo(client, { TaskId: 18215n });
  holds<Equal<typeof task, DescribeTaskInfoResponse>>();
  // The convenient client is a bare client too.
  await describeTaskInfo(full, { TaskId: 1 });
  // @ts-expect-error the bare client has no action methods
  await client.describeTaskInfo({ TaskId: 1 });
}
