import { createClient } from "./client.js";

const redis = createClient();
try {
  let count = 0;
  // Pages of 2 so the iteration visibly crosses pages; the paginator stops at TotalCount.
  for await (const instance of redis.paginateDescribeInstances({ Limit: 2 }, { pageSize: 2 })) {
    count++;
    console.log(`  ${instance.InstanceId}  ${instance.InstanceName}  ${instance.Size} MB`);
  }
  console.log(`${count} instances`);

  let pages = 0;
  for await (const page of redis.paginateDescribeInstances({}, { pageSize: 2 }).pages()) {
    pages++;
    console.log(
      `  page ${pages}: ${page.InstanceSet.length} instances of ${page.TotalCount} (request ${page.RequestId})`,
    );
  }
} finally {
  redis.close();
}
