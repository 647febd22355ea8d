// Compiled by ../types.test.ts under strict settings with node16 and bundler resolution: every
// `@ts-expect-error` below must be an error, and every `Equal` check must hold.
import {
  type CommonErrorCode,
  type DescribeTaskInfoErrorCode,
  type DescribeTaskInfoResponse,
  type InstanceSet,
  isRedisError,
  type RedisClient,
  type RedisErrorCode,
  type UInt64,
} from "@org/tc-redis";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T => true as T;

export async function usage(client: RedisClient, err: unknown): Promise<void> {
  // @ts-expect-error TaskId is required
  await client.describeTaskInfo({});
  // @ts-expect-error TaskID is not a member (typo of TaskId)
  await client.describeTaskInfo({ TaskID: 1 });
  // @ts-expect-error TaskId is a uint64: number or bigint, not a string
  await client.describeTaskInfo({ TaskId: "1" });

  const task = await client.describeTaskInfo({ TaskId: 18215n });
  holds<Equal<typeof task, DescribeTaskInfoResponse>>();
  holds<Equal<typeof task.Status, string>>();
  holds<Equal<typeof task.RequestId, string>>();

  const instances = await client.describeInstances();
  holds<Equal<typeof instances.TotalCount, number | bigint>>();
  holds<Equal<typeof instances.InstanceSet, InstanceSet[]>>();

  for await (const item of client.paginateDescribeInstances({}, { pageSize: 50 })) {
    holds<Equal<typeof item, InstanceSet>>();
  }

  const started = await client.clearInstance({ InstanceId: "crs-1", Password: "x" });
  const done = await client.waitForTask(started);
  holds<Equal<typeof done, DescribeTaskInfoResponse>>();
  await client.waitForTask(42);
  await client.waitForTask(42n satisfies UInt64);
  // @ts-expect-error a response without TaskId is not something to wait for
  await client.waitForTask(instances);

  if (isRedisError(err, "describeTaskInfo")) {
    // Open codes: the known ones (which editors complete) or any other string (issue 12).
    holds<Equal<typeof err.code, DescribeTaskInfoErrorCode | CommonErrorCode | (string & {})>>();
    holds<Equal<Extract<typeof err.code, "FailedOperation.SystemError">, "FailedOperation.SystemError">>();
    holds<
      Equal<
        DescribeTaskInfoErrorCode,
        "FailedOperation.SystemError" | "InvalidParameter.InvalidParameter" | "InvalidParameter.PermissionDenied"
      >
    >();
    // A code DescribeTaskInfo does not document (yet) compares without error.
    if (err.code === "ResourceNotFound.InstanceNotExists") return;
  }
  if (isRedisError(err)) {
    holds<Equal<typeof err.code, RedisErrorCode | (string & {})>>();
    holds<Equal<typeof err.requestId, string>>();
  }
  // @ts-expect-error not a client method
  isRedisError(err, "describeTaskInformation");
}
