// Generator wall time as a maintainer meets it: `npm run generate -- --out <tmp>` for the Redis specs,
// then for synthetic specs 5× and 10× larger (lib/synth-spec.mjs) to show how it grows.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { repoRoot } from "./paths.mjs";
import { median } from "./stats.mjs";
import { synthesize } from "./synth-spec.mjs";

const pexec = promisify(execFile);

async function timeGenerate(args, log, label) {
  const out = await mkdtemp(join(tmpdir(), "tc-bench-gen-out-"));
  try {
    const t = performance.now();
    try {
      await pexec("npm", ["run", "--silent", "generate", "--", ...args, "--out", out], {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (err) {
      const tail = `${err.stderr ?? ""}${err.stdout ?? ""}`.trim().split("\n").slice(-8).join("\n");
      throw new Error(`npm run generate ${args.join(" ")} failed:\n${tail}`);
    }
    const ms = performance.now() - t;
    if (!existsSync(join(out, "redis", "package.json")))
      throw new Error(`npm run generate ${args.join(" ")}: no redis/package.json in ${out}`);
    log(`  ${label.padEnd(12)} ${(ms / 1000).toFixed(2)} s`);
    return ms;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Returns `{ redisMs, syntheticMs, syntheticActions, notes }` (medians of `reps` runs each). */
export async function runGenerator({ reps, log }) {
  const synthRoots = {};
  const notes = [];
  try {
    for (const factor of [5, 10]) {
      synthRoots[factor] = await mkdtemp(join(tmpdir(), `tc-bench-synth${factor}-`));
      const actions = await synthesize(synthRoots[factor], factor);
      synthRoots[factor] = { dir: synthRoots[factor], actions };
    }
    const times = { 1: [], 5: [], 10: [] };
    for (let i = 0; i < reps; i++) {
      times[1].push(await timeGenerate([], log, "redis"));
      for (const factor of [5, 10])
        times[factor].push(await timeGenerate(["--specs", synthRoots[factor].dir], log, `synthetic×${factor}`));
    }
    const [m1, m5, m10] = [median(times[1]), median(times[5]), median(times[10])];
    notes.push(
      `\`npm run generate -- --out <tmp>\`, median of ${reps}; synthetic specs from \`bench/lib/synth-spec.mjs\` ` +
        `(every action and structure copied under new names): ×5 (${synthRoots[5].actions} actions) ${(m5 / 1000).toFixed(2)} s, ` +
        `×10 ${(m10 / 1000).toFixed(2)} s; per added action ${((m10 - m5) / (synthRoots[10].actions - synthRoots[5].actions)).toFixed(1)} ms ` +
        `between ×5 and ×10 vs ${((m5 - m1) / (synthRoots[5].actions - 118)).toFixed(1)} ms between ×1 and ×5 (equal means linear)`,
    );
    return { redisMs: m1, syntheticMs: m10, syntheticActions: synthRoots[10].actions, notes };
  } finally {
    for (const root of Object.values(synthRoots)) await rm(root.dir ?? root, { recursive: true, force: true });
  }
}
