// `node bench/modular.mjs`: the targets of issue 13, side by side in one run.
//   bundle   one-call app (default options, esbuild --bundle --minify, platform node): the modular form
//            and the convenient client of Redis, CVM and VPC, beside the official SDK's per-service entry;
//            one file (everything, lazy code included) and the start-up part (esbuild splitting: what
//            loads before the first call; lazily imported chunks apart)
//   cold     fresh `node` that imports the client, constructs it and makes its first signed call against
//            the fake endpoint (lib/server.mjs), ESM `import` and CommonJS `require`, minus a bare node
//   load     per-call CPU and requests/s of RedisClient, the modular form, the official SDK and the
//            node:http floor, interleaved as in `npm run bench` (lib/load.mjs)
//   install  what `npm install` of one service puts in node_modules (packed tarballs, fresh project)
// CVM and VPC come from packages/<svc> when the repository holds them, else from BENCH_PKGS/<svc>
// (default /tmp/pkgs, generated out of tree: see README.md). BENCH_QUICK=1 for a smoke run;
// BENCH_ONLY=bundle,cold,load,install for some sections. Prints a markdown table; asserts nothing.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { readConfig } from "./lib/config.mjs";
import { footprint, installPeer, PEER_VERSION } from "./lib/install.mjs";
import { runLoad, SECRET_ID, SECRET_KEY } from "./lib/load.mjs";
import { npm } from "./lib/npm.mjs";
import { benchDir, repoRoot } from "./lib/paths.mjs";
import { startFakeEndpoint } from "./lib/server.mjs";
import { median } from "./lib/stats.mjs";

const log = (line) => process.stderr.write(`${line}\n`);
const config = readConfig();
const only = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
const want = (s) => only.length === 0 || only.includes(s);
const PKGS = process.env.BENCH_PKGS ?? "/tmp/pkgs";

/** The one-call app of each service: the same shape (default options, one read-only call) for all. */
const SERVICES = {
  redis: {
    client: "RedisClient",
    base: "RedisBaseClient",
    call: "describeTaskInfo",
    request: "{ TaskId: 18215 }",
    peer: "redis",
    peerVersion: "v20180412",
    action: "DescribeTaskInfo",
  },
  cvm: {
    client: "CvmClient",
    base: "CvmBaseClient",
    call: "describeZones",
    request: "{}",
    peer: "cvm",
    peerVersion: "v20170312",
    action: "DescribeZones",
  },
  vpc: {
    client: "VpcClient",
    base: "VpcBaseClient",
    call: "describeVpcs",
    request: "{}",
    peer: "vpc",
    peerVersion: "v20170312",
    action: "DescribeVpcs",
  },
};

function packageDir(svc) {
  const inRepo = join(repoRoot, "packages", svc);
  if (existsSync(join(inRepo, "package.json"))) return inRepo;
  const outOfTree = join(PKGS, svc);
  return existsSync(join(outOfTree, "package.json")) ? outOfTree : undefined;
}

/** Builds a package; one generated out of tree borrows the repository's node_modules (tsup, @org/tc-core). */
function build(dir) {
  if (!dir.startsWith(repoRoot)) {
    const link = join(dir, "..", "node_modules");
    if (!existsSync(link)) symlinkSync(join(repoRoot, "node_modules"), link, "dir");
  }
  execFileSync(process.execPath, ["scripts/build.gen.mjs"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
}

async function installService(svc, dir, packDir) {
  const tarballs = [];
  for (const from of [join(repoRoot, "packages/core"), dir]) {
    const [info] = JSON.parse(await npm(["pack", "--json", "--pack-destination", packDir], from));
    tarballs.push(join(packDir, info.filename));
  }
  const project = mkdtempSync(join(tmpdir(), `tc-modular-${svc}-`));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: `bench-${svc}`, private: true }));
  await npm(["install", "--prefer-offline", "--no-package-lock", ...tarballs], project);
  return { dir: project, footprint: await footprint(project) };
}

const esbuild = createRequire(join(benchDir, "package.json"))("esbuild");

function apps(svc, ours, peerDir) {
  const s = SERVICES[svc];
  const pkg = `@org/tc-${svc}`;
  const list = [
    {
      id: `${svc} modular`,
      dir: ours,
      code: `import { ${s.base}, ${s.call} } from "${pkg}";\nconst client = new ${s.base}({ region: "ap-guangzhou" });\n${s.call}(client, ${s.request}).then((r) => console.log(r.RequestId));\n`,
    },
    {
      id: `${svc} ${s.client}`,
      dir: ours,
      code: `import { ${s.client} } from "${pkg}";\nconst client = new ${s.client}({ region: "ap-guangzhou" });\nclient.${s.call}(${s.request}).then((r) => console.log(r.RequestId));\n`,
    },
  ];
  if (peerDir) {
    list.push({
      id: `${svc} official SDK`,
      dir: peerDir,
      code: `import { ${s.peer} } from "tencentcloud-sdk-nodejs/es/services/${s.peer}/index.js";\nconst client = new ${s.peer}.${s.peerVersion}.Client({ region: "ap-guangzhou", credential: {} });\nclient.${s.action}(${s.request}).then((r) => console.log(r.RequestId));\n`,
    });
  }
  return list;
}

/** One file with everything, and with splitting the part loaded before the first call (static imports of the entry). */
async function bundle({ dir, code }) {
  const common = {
    stdin: { contents: code, resolveDir: dir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "error",
  };
  const one = await esbuild.build({ ...common, outfile: "app.js" });
  const all = one.outputFiles[0].contents;
  const split = await esbuild.build({ ...common, splitting: true, outdir: "out" });
  const byPath = new Map(split.outputFiles.map((f) => [f.path.slice(f.path.indexOf("out/")), f.contents]));
  const outs = split.metafile.outputs;
  // The app's own output (stdin's `sourcefile`); lazily imported modules are entry points of their own.
  const entry = Object.keys(outs).find((f) => /(^|\/)app\.js$/.test(outs[f].entryPoint ?? ""));
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of outs[f].imports) if (i.kind === "import-statement" && outs[i.path]) walk(i.path);
  };
  walk(entry);
  const startup = Buffer.concat([...seen].map((f) => byPath.get(f)));
  return {
    bytes: all.length,
    gzip: gzipSync(all, { level: 9 }).length,
    startup: startup.length,
    startupGzip: gzipSync(startup, { level: 9 }).length,
  };
}

const CREDS = `credentials:{secretId:"${SECRET_ID}",secretKey:"${SECRET_KEY}"}`;
const LOOKUP = `(h,o,cb)=>typeof o==="function"?o(null,"127.0.0.1",4):o&&o.all?cb(null,[{address:"127.0.0.1",family:4}]):cb(null,"127.0.0.1",4)`;

/** Snippets that import, construct and make one signed DescribeTaskInfo call, then exit. */
function coldVariants(oursDir, peerDir, port) {
  const ours = `{region:"ap-guangzhou",${CREDS},endpoint:"http://127.0.0.1:${port}",rateLimit:false}`;
  const peer = `{region:"ap-guangzhou",credential:{secretId:"${SECRET_ID}",secretKey:"${SECRET_KEY}"},profile:{httpProfile:{endpoint:"redis.tencentcloudapi.com:${port}",protocol:"http://",agent:new (require("node:http").Agent)({lookup:${LOOKUP}})}}}`;
  const peerEsm = peer.replace('require("node:http")', "http");
  const done = "r=>{if(!r.RequestId)throw new Error(JSON.stringify(r))}";
  return [
    { id: "baseline-cjs", dir: peerDir, esm: false, code: "0" },
    { id: "baseline-esm", dir: peerDir, esm: true, code: "0" },
    {
      id: "modular require",
      dir: oursDir,
      esm: false,
      code: `const {RedisBaseClient,describeTaskInfo}=require("@org/tc-redis");const c=new RedisBaseClient(${ours});describeTaskInfo(c,{TaskId:1}).then(${done}).finally(()=>c.close())`,
    },
    {
      id: "modular import",
      dir: oursDir,
      esm: true,
      code: `import {RedisBaseClient,describeTaskInfo} from "@org/tc-redis";const c=new RedisBaseClient(${ours});await describeTaskInfo(c,{TaskId:1}).then(${done});c.close()`,
    },
    {
      id: "RedisClient require",
      dir: oursDir,
      esm: false,
      code: `const {RedisClient}=require("@org/tc-redis");const c=new RedisClient(${ours});c.describeTaskInfo({TaskId:1}).then(${done}).finally(()=>c.close())`,
    },
    {
      id: "RedisClient import",
      dir: oursDir,
      esm: true,
      code: `import {RedisClient} from "@org/tc-redis";const c=new RedisClient(${ours});await c.describeTaskInfo({TaskId:1}).then(${done});c.close()`,
    },
    { id: "floor require", dir: peerDir, esm: false, code: floorCold(false, port) },
    { id: "floor import", dir: peerDir, esm: true, code: floorCold(true, port) },
    {
      id: "official require",
      dir: peerDir,
      esm: false,
      code: `const {Client}=require("tencentcloud-sdk-nodejs/tencentcloud/services/redis").redis.v20180412;const c=new Client(${peer});c.DescribeTaskInfo({TaskId:1}).then(${done}).finally(()=>c.profile.httpProfile.agent.destroy())`,
    },
    {
      id: "official import",
      dir: peerDir,
      esm: true,
      code: `import http from "node:http";import m from "tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js";const c=new m.redis.v20180412.Client(${peerEsm});await c.DescribeTaskInfo({TaskId:1}).then(${done});c.profile.httpProfile.agent.destroy()`,
    },
  ];
}

/**
 * The no-SDK floor of a cold start: load `node:http` and `node:crypto`, sign one DescribeTaskInfo with TC3
 * (three chained HMACs and the request hash, as `lib/tc3.mjs` does), send it, `JSON.parse` the answer.
 * No SDK can start and call for less, so `floor ÷ official` is the lowest ratio any client could reach.
 */
function floorCold(esm, port) {
  const load = esm
    ? 'import {request} from "node:http";import {createHash,createHmac} from "node:crypto";'
    : 'const {request}=require("node:http"),{createHash,createHmac}=require("node:crypto");';
  return `${load}const H=(k,d)=>createHmac("sha256",k).update(d).digest(),S=s=>createHash("sha256").update(s).digest("hex");
const body=JSON.stringify({TaskId:1}),t=Math.floor(Date.now()/1000),date=new Date(t*1000).toISOString().slice(0,10),host="127.0.0.1:${port}",ct="application/json";
const cr="POST\\n/\\n\\ncontent-type:"+ct+"\\nhost:"+host+"\\n\\ncontent-type;host\\n"+S(body);
const scope=date+"/redis/tc3_request",sts="TC3-HMAC-SHA256\\n"+t+"\\n"+scope+"\\n"+S(cr);
const sig=createHmac("sha256",H(H(H("TC3${SECRET_KEY}",date),"redis"),"tc3_request")).update(sts).digest("hex");
const auth="TC3-HMAC-SHA256 Credential=${SECRET_ID}/"+scope+", SignedHeaders=content-type;host, Signature="+sig;
request({host:"127.0.0.1",port:${port},method:"POST",path:"/",headers:{"Content-Type":ct,Host:host,"X-TC-Action":"DescribeTaskInfo","X-TC-Version":"2018-04-12","X-TC-Region":"ap-guangzhou","X-TC-Timestamp":String(t),Authorization:auth}},res=>{let s="";res.setEncoding("utf8");res.on("data",c=>s+=c);res.on("end",()=>{const r=JSON.parse(s).Response;if(!r.RequestId||r.Error)throw new Error(s)})}).end(body);`;
}

/** Async, so the fake endpoint in this process keeps answering while the child runs. */
function coldOnce({ dir, esm, code }) {
  const report = ";process.on('exit',()=>process.stdout.write(JSON.stringify(process.cpuUsage())))";
  const args = esm ? ["--input-type=module", "-e", code + report] : ["-e", code + report];
  return new Promise((resolve, reject) => {
    const t = performance.now();
    execFile(process.execPath, args, { cwd: dir, encoding: "utf8" }, (error, stdout, stderr) => {
      const wallMs = performance.now() - t;
      if (error) return reject(new Error(`cold snippet failed in ${dir}: ${code}\n${stderr}`));
      const cpu = JSON.parse(stdout.slice(stdout.lastIndexOf("{")));
      resolve({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    });
  });
}

async function runCold(variants, reps) {
  const samples = Object.fromEntries(variants.map((v) => [v.id, { wall: [], cpu: [] }]));
  for (const v of variants) await coldOnce(v);
  for (let i = 0; i < reps; i++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length];
      const s = await coldOnce(v);
      samples[v.id].wall.push(s.wallMs);
      samples[v.id].cpu.push(s.cpuMs);
    }
  }
  const out = {};
  for (const v of variants)
    out[v.id] = { wallMs: median(samples[v.id].wall), cpuMs: median(samples[v.id].cpu), esm: v.esm };
  for (const v of variants) {
    const base = out[v.esm ? "baseline-esm" : "baseline-cjs"];
    out[v.id].addedWallMs = out[v.id].wallMs - base.wallMs;
    out[v.id].addedCpuMs = out[v.id].cpuMs - base.cpuMs;
  }
  return out;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

async function main() {
  const temp = [];
  const lines = [
    `Generated by \`node bench/modular.mjs\`${config.quick ? " (BENCH_QUICK=1)" : ""} on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, official SDK ${PEER_VERSION}.`,
    "",
  ];
  try {
    if (process.env.BENCH_NO_BUILD !== "1") {
      log("modular: building @org/tc-core and @org/tc-redis ...");
      execFileSync("npx", ["turbo", "run", "build", "--filter=@org/tc-redis..."], {
        cwd: repoRoot,
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      });
    }
    const packDir = mkdtempSync(join(tmpdir(), "tc-modular-pack-"));
    temp.push(packDir);
    const installs = {};
    for (const svc of Object.keys(SERVICES)) {
      const dir = packageDir(svc);
      if (!dir) {
        lines.push(`- ${svc}: no package in packages/${svc} nor ${PKGS}/${svc}; left out.`);
        continue;
      }
      // Redis is built by turbo above; another package when it has no dist/ yet or BENCH_REBUILD=1.
      if (svc !== "redis" && (!existsSync(join(dir, "dist")) || process.env.BENCH_REBUILD === "1")) {
        log(`modular: building ${dir} ...`);
        build(dir);
      }
      log(`modular: packing and installing @org/tc-${svc} with @org/tc-core ...`);
      installs[svc] = { ...(await installService(svc, dir, packDir)), from: dir };
      temp.push(installs[svc].dir);
    }
    writeFileSync(
      join(installs.redis.dir, "entry.mjs"),
      'export { RedisClient, RedisBaseClient, describeTaskInfo } from "@org/tc-redis";\n',
    );
    log(`modular: installing tencentcloud-sdk-nodejs@${PEER_VERSION} ...`);
    const peer = await installPeer();
    temp.push(peer.dir);

    if (want("bundle")) {
      log("modular: bundles ...");
      lines.push(
        "| one-call app | one file, min | gzip | start-up part, min | gzip |",
        "| --- | ---: | ---: | ---: | ---: |",
      );
      for (const svc of Object.keys(installs)) {
        for (const app of apps(svc, installs[svc].dir, peer.dir)) {
          const b = await bundle(app);
          lines.push(`| ${app.id} | ${kb(b.bytes)} | ${kb(b.gzip)} | ${kb(b.startup)} | ${kb(b.startupGzip)} |`);
        }
      }
      lines.push("");
    }
    if (want("cold")) {
      log(`modular: cold start with first signed call, ${config.coldReps} repetitions ...`);
      const server = await startFakeEndpoint({ credentials: { [SECRET_ID]: SECRET_KEY } });
      let cold;
      try {
        cold = await runCold(coldVariants(installs.redis.dir, peer.dir, server.port), config.coldReps);
      } finally {
        await server.close();
      }
      lines.push(
        "| cold start + first signed call (Redis) | wall | CPU | wall over bare node | CPU over bare node | ÷ official (added wall / CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
      );
      for (const [id, c] of Object.entries(cold)) {
        if (id.startsWith("baseline")) continue;
        const official = cold[c.esm ? "official import" : "official require"];
        lines.push(
          `| ${id} | ${c.wallMs.toFixed(1)} ms | ${c.cpuMs.toFixed(1)} ms | ${c.addedWallMs.toFixed(1)} ms | ${c.addedCpuMs.toFixed(1)} ms | ${ratio(c.addedWallMs, official.addedWallMs)} / ${ratio(c.addedCpuMs, official.addedCpuMs)} |`,
        );
      }
      lines.push(
        `| bare node (require / import) | ${cold["baseline-cjs"].wallMs.toFixed(1)} / ${cold["baseline-esm"].wallMs.toFixed(1)} ms | ${cold["baseline-cjs"].cpuMs.toFixed(1)} / ${cold["baseline-esm"].cpuMs.toFixed(1)} ms | | | |`,
        "",
      );
    }
    if (want("load")) {
      const concurrencies = config.concurrencies.filter((c) => c === 1 || c === 64);
      log(`modular: load at c=${concurrencies.join(",")}, ${config.rounds} rounds × ${config.durationMs / 1000} s ...`);
      const contenders = [
        { id: "ours", module: "ours", validate: true },
        { id: "ours-modular", module: "ours-modular", validate: true },
        { id: "peer", module: "peer" },
        { id: "floor", module: "floor" },
      ];
      const { runs, invalid } = await runLoad({
        ...config,
        concurrencies,
        contenders,
        oursDir: installs.redis.dir,
        log,
      });
      lines.push(
        "| per call (Redis DescribeTaskInfo) | c | req/s | CPU µs/call | CPU ÷ floor | req/s ÷ official |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
      );
      for (const c of concurrencies) {
        const med = (id, key) => median((runs[c]?.[id] ?? []).filter(Boolean).map((r) => r[key]));
        for (const id of ["ours", "ours-modular", "peer", "floor"]) {
          const name = {
            ours: "RedisClient",
            "ours-modular": "modular",
            peer: "official SDK",
            floor: "node:http floor",
          }[id];
          lines.push(
            `| ${name} | ${c} | ${med(id, "reqPerSec").toFixed(0)} | ${med(id, "cpuUsPerCall").toFixed(1)} | ${ratio(med(id, "cpuUsPerCall"), med("floor", "cpuUsPerCall"))} | ${ratio(med(id, "reqPerSec"), med("peer", "reqPerSec"))} |`,
          );
        }
      }
      if (invalid.length > 0)
        lines.push("", `${invalid.length} invalid run(s) left out: ${JSON.stringify(invalid[0])}`);
      lines.push("");
    }
    if (want("install")) {
      lines.push(
        "| fresh install of one service | packages in node_modules | bytes in node_modules |",
        "| --- | --- | ---: |",
      );
      for (const [svc, i] of Object.entries(installs))
        lines.push(`| @org/tc-${svc} | ${i.footprint.packages.join(", ")} | ${kb(i.footprint.bytes)} |`);
      lines.push(
        `| tencentcloud-sdk-nodejs@${PEER_VERSION} (every service) | ${peer.footprint.packages.length} packages | ${kb(peer.footprint.bytes)} |`,
        "",
      );
    }
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((err) => {
  log(`modular: ${err.stack ?? err}`);
  process.exit(1);
});
