// @org/tc-redis as a user gets it: loaded from a fresh install of the packed tarballs (`oursDir`).
// Client-side rate limiting is off because the bench measures per-call cost, not the spec's 20/s
// pacing; retries stay at their default (nothing fails here, so none happen).
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function create({ port, secretId, secretKey, region, oursDir, validate = true }) {
  if (!oursDir) throw new Error("contender ours: oursDir (install of the packed tarballs) is required");
  const { RedisClient } = await import(pathToFileURL(join(oursDir, "entry.mjs")).href);
  const client = new RedisClient({
    region,
    credentials: { secretId, secretKey },
    endpoint: `http://127.0.0.1:${port}`,
    rateLimit: false,
    validate,
  });
  return {
    name: validate ? "ours" : "ours-novalidate",
    call: (taskId) => client.describeTaskInfo({ TaskId: taskId }),
    close: () => client.close?.() ?? client.destroy?.(),
  };
}
