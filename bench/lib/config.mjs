// Bench settings from the environment. Full runs meet the issue's ≥ 6 s per load run; BENCH_QUICK=1
// is for checking that everything works (1 s runs, 2 rounds), not for quoting figures.

const SECTIONS = ["install", "load", "validation", "signing", "cold", "bundle", "generator"];

function int(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function readConfig() {
  const quick = process.env.BENCH_QUICK === "1";
  const only = (process.env.BENCH_ONLY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of only)
    if (!SECTIONS.includes(s)) throw new Error(`BENCH_ONLY: unknown section "${s}" (known: ${SECTIONS.join(", ")})`);
  const concurrencies = (process.env.BENCH_CONCURRENCY ?? "1,16,64").split(",").map(Number);
  if (concurrencies.some((c) => !Number.isInteger(c) || c <= 0))
    throw new Error("BENCH_CONCURRENCY must list positive integers");
  return {
    quick,
    sections: only.length ? only : SECTIONS,
    complete: only.length === 0,
    concurrencies,
    rounds: int("BENCH_ROUNDS", quick ? 2 : 5),
    durationMs: int("BENCH_DURATION_MS", quick ? 1000 : 6000),
    warmupMs: int("BENCH_WARMUP_MS", quick ? 300 : 1500),
    sliceMs: int("BENCH_SLICE_MS", quick ? 500 : 1000),
    coldReps: int("BENCH_COLD_REPS", quick ? 6 : 30),
    signingMs: int("BENCH_SIGNING_MS", quick ? 500 : 2000),
    generatorReps: int("BENCH_GENERATOR_REPS", quick ? 1 : 3),
    validationBlockMs: quick ? 100 : 300,
    validationBlocks: quick ? 5 : 15,
  };
}
