// Bundle size of a one-call app, as a serverless user would ship it: esbuild, minified, Node
// platform (built-ins stay external). Reports bytes, gzip bytes, and which packages the bytes
// come from, so "no third-party runtime code" is checked rather than assumed.
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { benchDir } from "./paths.mjs";

const esbuild = createRequire(join(benchDir, "package.json"))("esbuild");

const PEER_APP = (from) => `import { redis } from "${from}";
const client = new redis.v20180412.Client({ region: "ap-guangzhou", credential: { secretId: process.env.SECRET_ID, secretKey: process.env.SECRET_KEY } });
client.DescribeTaskInfo({ TaskId: 18215 }).then((task) => console.log(task.Status));
`;

export function bundleApps({ oursDir, peerDir }) {
  const apps = [
    // The peer's ESM entry for one service: what a bundler-aware user imports.
    { id: "peer", dir: peerDir, code: PEER_APP("tencentcloud-sdk-nodejs/es/services/redis/index.js") },
    { id: "peer-root", dir: peerDir, code: PEER_APP("tencentcloud-sdk-nodejs") },
  ];
  if (oursDir) {
    // The modular form (issue 13): bare client + one standalone function; only that action's data is bundled.
    apps.push({
      id: "ours-modular",
      dir: oursDir,
      code: `import { RedisBaseClient, describeTaskInfo } from "@org/tc-redis";
const redis = new RedisBaseClient({ region: "ap-guangzhou" });
describeTaskInfo(redis, { TaskId: 18215 }).then((task) => console.log(task.Status));
`,
    });
    apps.push({
      id: "ours",
      dir: oursDir,
      code: `import { RedisClient } from "@org/tc-redis";
const redis = new RedisClient({ region: "ap-guangzhou" });
redis.describeTaskInfo({ TaskId: 18215 }).then((task) => console.log(task.Status));
`,
    });
  }
  return apps;
}

function packageOf(inputPath) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(inputPath);
  return m ? m[1] : "(app)";
}

/** Returns `{ bytes, gzipBytes, byPackage: [[name, bytes]...], thirdParty: [names] }`. */
export async function bundleSize({ dir, code }) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: dir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: "app.js",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const out = result.outputFiles[0].contents;
  const byPackage = {};
  for (const [file, { bytesInOutput }] of Object.entries(result.metafile.outputs["app.js"].inputs)) {
    const name = packageOf(file);
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
  }
  const sorted = Object.entries(byPackage)
    .filter(([, b]) => b > 0)
    .sort((a, b) => b[1] - a[1]);
  return {
    bytes: out.length,
    gzipBytes: gzipSync(out, { level: 9 }).length,
    byPackage: sorted,
    thirdParty: sorted.map(([n]) => n).filter((n) => n !== "(app)" && !n.startsWith("@org/")),
  };
}

export const esbuildVersion = esbuild.version;
