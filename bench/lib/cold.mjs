// Cold start: a fresh `node` that loads the Redis client and constructs one, minus a bare `node`
// of the same module kind. Many repetitions, interleaved across variants, medians reported.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { median } from "./stats.mjs";

const REPORT_CPU = ";process.stdout.write(JSON.stringify(process.cpuUsage()))";
const CREDS = '{region:"ap-guangzhou",credentials:{secretId:"AKIDcold",secretKey:"cold"}}';
const PEER_CREDS = '{region:"ap-guangzhou",credential:{secretId:"AKIDcold",secretKey:"cold"}}';

/** The snippets timed; `dir` says which install they run in (module resolution starts there). */
export function coldVariants({ oursDir, peerDir }) {
  const v = [
    { id: "baseline-cjs", dir: peerDir, esm: false, code: "0" },
    { id: "baseline-esm", dir: peerDir, esm: true, code: "0" },
    {
      id: "peer-cjs",
      dir: peerDir,
      esm: false,
      code: `const {Client}=require("tencentcloud-sdk-nodejs/tencentcloud/services/redis").redis.v20180412;new Client(${PEER_CREDS})`,
    },
    {
      id: "peer-esm",
      dir: peerDir,
      esm: true,
      code: `import m from "tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js";new m.redis.v20180412.Client(${PEER_CREDS})`,
    },
    {
      id: "peer-root-cjs",
      dir: peerDir,
      esm: false,
      code: `const {Client}=require("tencentcloud-sdk-nodejs").redis.v20180412;new Client(${PEER_CREDS})`,
    },
    {
      id: "peer-root-esm",
      dir: peerDir,
      esm: true,
      code: `import tc from "tencentcloud-sdk-nodejs";new tc.redis.v20180412.Client(${PEER_CREDS})`,
    },
  ];
  if (oursDir) {
    v.push(
      {
        id: "ours-cjs",
        dir: oursDir,
        esm: false,
        code: `const {RedisClient}=require("@org/tc-redis");new RedisClient(${CREDS})`,
      },
      {
        id: "ours-esm",
        dir: oursDir,
        esm: true,
        code: `import {RedisClient} from "@org/tc-redis";new RedisClient(${CREDS})`,
      },
      {
        id: "ours-modular-cjs",
        dir: oursDir,
        esm: false,
        code: `const {RedisBaseClient}=require("@org/tc-redis");new RedisBaseClient(${CREDS})`,
      },
      {
        id: "ours-modular-esm",
        dir: oursDir,
        esm: true,
        code: `import {RedisBaseClient} from "@org/tc-redis";new RedisBaseClient(${CREDS})`,
      },
    );
  }
  return v;
}

function once({ dir, esm, code }) {
  const args = esm ? ["--input-type=module", "-e", code + REPORT_CPU] : ["-e", code + REPORT_CPU];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`cold start snippet failed in ${dir}: ${code}\n${r.stderr}`);
  const cpu = JSON.parse(r.stdout);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Returns `{ [variantId]: { wallMs, cpuMs, addedWallMs, addedCpuMs } }` (medians; "added" is over the
 * baseline of the same module kind).
 */
export function runCold({ variants, repetitions, log }) {
  const samples = Object.fromEntries(variants.map((v) => [v.id, { wall: [], cpu: [] }]));
  for (const v of variants) once(v);
  for (let i = 0; i < repetitions; i++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length];
      const s = once(v);
      samples[v.id].wall.push(s.wallMs);
      samples[v.id].cpu.push(s.cpuMs);
    }
  }
  const out = {};
  for (const v of variants) {
    out[v.id] = { wallMs: median(samples[v.id].wall), cpuMs: median(samples[v.id].cpu) };
  }
  for (const v of variants) {
    const base = out[v.esm ? "baseline-esm" : "baseline-cjs"];
    out[v.id].addedWallMs = out[v.id].wallMs - base.wallMs;
    out[v.id].addedCpuMs = out[v.id].cpuMs - base.cpuMs;
    log(
      `  ${v.id.padEnd(14)} wall ${out[v.id].wallMs.toFixed(1)} ms (+${out[v.id].addedWallMs.toFixed(1)})  cpu ${out[v.id].cpuMs.toFixed(1)} ms (+${out[v.id].addedCpuMs.toFixed(1)})`,
    );
  }
  return out;
}
