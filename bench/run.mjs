// `npm run bench`: installs the bench's own dependencies on first use, then measures @org/tc-redis
// against the official tencentcloud-sdk-nodejs and a no-SDK floor, prints a markdown table and
// writes it to bench/RESULTS.md. Settings: see bench/README.md (BENCH_QUICK=1 for a fast check).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDir, repoRoot } from "./lib/paths.mjs";

const log = (line) => process.stderr.write(line + "\n");

function ensureBenchDependencies() {
  const pinned = JSON.parse(readFileSync(join(benchDir, "package.json"), "utf8")).dependencies;
  const installed = (name) => {
    try {
      return JSON.parse(readFileSync(join(benchDir, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return undefined;
    }
  };
  if (Object.entries(pinned).every(([name, version]) => installed(name) === version)) return;
  log("bench: installing bench dependencies (tencentcloud-sdk-nodejs, esbuild) into bench/node_modules ...");
  execFileSync("npm", ["install", "--prefix", benchDir, "--no-audit", "--no-fund"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Builds core and the Redis package (turbo cache makes this instant when nothing changed). */
function buildOurs(notes) {
  if (!existsSync(join(repoRoot, "packages/redis/package.json"))) {
    notes.push("@org/tc-redis is not in packages/redis yet: ours is left out of this run");
    return false;
  }
  if (process.env.BENCH_NO_BUILD !== "1") {
    log("bench: building @org/tc-core and @org/tc-redis ...");
    try {
      execFileSync("npx", ["turbo", "run", "build", "--filter=@org/tc-redis..."], {
        cwd: repoRoot,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      });
    } catch (err) {
      notes.push(
        `building @org/tc-redis failed, ours is left out: ${String(err.stderr ?? err.message)
          .trim()
          .split("\n")
          .slice(-3)
          .join(" / ")}`,
      );
      return false;
    }
  }
  return existsSync(join(repoRoot, "packages/redis/dist")) && existsSync(join(repoRoot, "packages/core/dist"));
}

async function main() {
  ensureBenchDependencies();
  const { readConfig } = await import("./lib/config.mjs");
  const { machineInfo, loadAverage } = await import("./lib/machine.mjs");
  const { selfCheck } = await import("./lib/selfcheck.mjs");
  const { renderTable, renderNotes } = await import("./lib/report.mjs");

  const config = readConfig();
  const command = [
    "npm run bench",
    config.quick ? "BENCH_QUICK=1" : "",
    process.env.BENCH_ONLY ? `BENCH_ONLY=${process.env.BENCH_ONLY}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const results = { config, machine: machineInfo(command), notes: [] };
  log(
    `bench: self-check against ${selfCheck()} published TC3 vectors passed; load average ${results.machine.loadStart}`,
  );

  const want = (s) => config.sections.includes(s);
  const temp = [];
  try {
    const needOurs = ["install", "load", "validation", "signing", "cold", "bundle"].some(want);
    const hasOurs = needOurs && buildOurs(results.notes);
    const { installOurs, installPeer, PEER_VERSION } = await import("./lib/install.mjs");
    let ours;
    let peer;
    if (hasOurs) {
      log("bench: packing @org/tc-core and @org/tc-redis, installing the tarballs into a fresh project ...");
      ours = await installOurs();
      temp.push(ours.dir, ours.packDir);
    }
    if (want("install") || want("cold") || want("bundle")) {
      log(`bench: installing tencentcloud-sdk-nodejs@${PEER_VERSION} into a fresh project ...`);
      peer = await installPeer();
      temp.push(peer.dir);
    }
    if (want("install")) results.install = { ours, peer, peerVersion: PEER_VERSION };

    if (want("load")) {
      const { runLoad } = await import("./lib/load.mjs");
      const contenders = [
        ...(ours ? [{ id: "ours", module: "ours", validate: true }] : []),
        { id: "peer", module: "peer" },
        { id: "floor", module: "floor" },
        // Validation's price is a few µs, lost in HTTP noise under load; the validation section
        // measures it precisely. BENCH_LOAD_NOVALIDATE=1 adds the validate-off client here anyway.
        ...(ours && process.env.BENCH_LOAD_NOVALIDATE === "1"
          ? [{ id: "ours-novalidate", module: "ours", validate: false }]
          : []),
      ];
      log(
        `bench: load, ${contenders.map((c) => c.id).join(" / ")} at c=${config.concurrencies.join(",")}, ${config.rounds} rounds × ${config.durationMs / 1000} s`,
      );
      results.load = await runLoad({ ...config, contenders, oursDir: ours?.dir, log });
    }
    if (want("validation") && ours) {
      const { runValidation } = await import("./lib/validation.mjs");
      log("bench: validation price per call (in-memory transport)");
      results.validation = await runValidation({
        oursDir: ours.dir,
        blockMs: config.validationBlockMs,
        blocks: config.validationBlocks,
        log,
      });
    }
    if (want("signing")) {
      const { runSigning } = await import("./lib/signing.mjs");
      log("bench: TC3 signing");
      results.signing = await runSigning({
        signers: ours ? ["ours", "peer", "floor"] : ["peer", "floor"],
        rounds: config.rounds,
        durationMs: config.signingMs,
        oursDir: ours?.dir,
        log,
      });
    }
    if (want("cold")) {
      const { coldVariants, runCold } = await import("./lib/cold.mjs");
      log(`bench: cold start, ${config.coldReps} repetitions per variant`);
      results.cold = runCold({
        variants: coldVariants({ oursDir: ours?.dir, peerDir: peer.dir }),
        repetitions: config.coldReps,
        log,
      });
    }
    if (want("bundle")) {
      const { bundleApps, bundleSize, esbuildVersion } = await import("./lib/bundle.mjs");
      log("bench: bundle size");
      results.bundle = { esbuildVersion };
      for (const app of bundleApps({ oursDir: ours?.dir, peerDir: peer.dir }))
        results.bundle[app.id] = await bundleSize(app);
    }
    if (want("generator")) {
      const { runGenerator } = await import("./lib/generator.mjs");
      log("bench: generator wall time");
      results.generator = await runGenerator({ reps: config.generatorReps, log });
    }
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }

  results.machine.loadEnd = loadAverage();
  const table = renderTable(results);
  const notes = renderNotes(results);
  process.stdout.write(`\n${table}\n\n${notes}\n`);
  const doc = `# Benchmark results\n\nGenerated by \`${command}\` (see README.md for what each figure means).\n\n${table}\n\n${notes}\n`;
  // A partial run (BENCH_ONLY) only prints, so it never replaces a complete table with a piece of one.
  if (config.complete) writeFileSync(join(benchDir, "RESULTS.md"), doc);
  if (config.complete && !config.quick) updateReadme(table, notes);
}

/** Replaces the README's results section, so the README always shows the latest full run. */
function updateReadme(table, notes) {
  const file = join(benchDir, "README.md");
  const text = readFileSync(file, "utf8");
  const start = "<!-- results:start -->";
  const end = "<!-- results:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b < a) throw new Error(`${file}: results markers ${start} / ${end} are missing`);
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${table}\n\n${notes}\n${text.slice(b)}`);
}

main().catch((err) => {
  log(`bench: ${err.stack ?? err}`);
  process.exit(1);
});
