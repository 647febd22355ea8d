import { CommonClient, isTencentCloudError } from "@org/tc-core";

// CommonClient calls any action of any service, here CVM, which this SDK has not generated: same
// signing, retries, rate limits and typed errors as a generated client, without request types.
const endpoint = process.env["TC_CVM_ENDPOINT"];
const cvm = new CommonClient({
  service: "cvm",
  version: "2017-03-12",
  region: "ap-guangzhou",
  ...(endpoint === undefined ? {} : { endpoint }),
});
interface DescribeZonesResponse {
  TotalCount: number;
  ZoneSet: { Zone: string; ZoneName: string; ZoneState: string }[];
  RequestId: string;
}
try {
  const { TotalCount, ZoneSet, RequestId } = await cvm.call<DescribeZonesResponse>("DescribeZones");
  console.log(
    `${TotalCount} zones: ${ZoneSet.map((z) => `${z.Zone} (${z.ZoneState})`).join(", ")}; request id ${RequestId}`,
  );
  await cvm.call("StartInstances", { InstanceIds: ["ins-demo0001"] });
} catch (err) {
  // Error codes stay open: a code this SDK has never seen still compares.
  if (isTencentCloudError(err) && err.code === "UnsupportedOperation.InstanceStateRunning") {
    console.log(`StartInstances: ${err.code} (${err.message}), request id ${err.requestId}, trace id ${err.traceId}`);
  } else {
    throw err;
  }
} finally {
  cvm.close();
}
