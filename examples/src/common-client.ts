import { CommonClient, isTencentCloudError } from "@org/tc-core";

// CommonClient calls any action of any service, here TAT (TencentCloud Automation Tools), which this
// SDK has not generated: same signing, retries, rate limits and typed errors as a generated client,
// without request types.
const endpoint = process.env["TC_TAT_ENDPOINT"];
const tat = new CommonClient({
  service: "tat",
  version: "2020-10-28",
  region: "ap-guangzhou",
  ...(endpoint === undefined ? {} : { endpoint }),
});
interface DescribeRegionsResponse {
  TotalCount: number;
  RegionSet: { Region: string; RegionName: string; RegionState: string }[];
  RequestId: string;
}
try {
  const { TotalCount, RegionSet, RequestId } = await tat.call<DescribeRegionsResponse>("DescribeRegions");
  console.log(
    `${TotalCount} regions: ${RegionSet.map((r) => `${r.Region} (${r.RegionState})`).join(", ")}; request id ${RequestId}`,
  );
  await tat.call("RunCommand", { Content: "ZWNobyBoZWxsbw==", InstanceIds: ["ins-demo0001"] });
} catch (err) {
  // Error codes stay open: a code this SDK has never seen still compares.
  if (isTencentCloudError(err) && err.code === "InvalidParameterValue.AgentUnsupportedCommandType") {
    console.log(`RunCommand: ${err.code} (${err.message}), request id ${err.requestId}, trace id ${err.traceId}`);
  } else {
    throw err;
  }
} finally {
  tat.close();
}
