// Turns the measurements into the markdown table (figures, paired ratios, targets) and notes.
import { median, pairedRatio } from "./stats.mjs";

const n0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "n/a");
const n1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
const n2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "n/a");
const kb = (b) => (Number.isFinite(b) ? `${(b / 1000).toFixed(1)} KB` : "n/a");
const mb = (b) => (Number.isFinite(b) ? `${(b / 1e6).toFixed(2)} MB` : "n/a");
const status = (ok) => (ok === undefined ? "" : ok ? "met" : "**missed**");

function field(list, key) {
  return (list ?? []).map((r) => (r === undefined ? NaN : r[key]));
}

function loadRows(load, rows) {
  if (!load) return;
  const cs = Object.keys(load.runs)
    .map(Number)
    .sort((a, b) => a - b);
  const get = (c, id, key) => field(load.runs[c]?.[id], key);
  for (const c of cs) {
    const [o, p, f] = ["ours", "peer", "floor"].map((id) => get(c, id, "reqPerSec"));
    const rp = pairedRatio(o, p);
    const hit = c === 64 && Number.isFinite(rp) ? rp >= 1.5 : undefined;
    rows.push([
      `requests/s, c=${c}`,
      n0(median(o)),
      n0(median(p)),
      n0(median(f)),
      ratio(rp),
      ratio(pairedRatio(o, f)),
      c === 64 ? "≥ 1.5× peer" : "",
      status(hit),
    ]);
  }
  for (const c of cs) {
    const [o, p, f] = ["ours", "peer", "floor"].map((id) => get(c, id, "cpuUsPerCall"));
    rows.push([
      `CPU µs per call, c=${c}`,
      n1(median(o)),
      n1(median(p)),
      n1(median(f)),
      ratio(pairedRatio(o, p)),
      ratio(pairedRatio(o, f)),
      "",
      "",
    ]);
  }
  // One run's ratio moves ±10% with the neighbours' load; pooling every (concurrency, round) pair
  // gives the target a steadier figure than any single concurrency.
  const pooled = (id) => cs.flatMap((c) => get(c, id, "cpuUsPerCall"));
  const rfAll = pairedRatio(pooled("ours"), pooled("floor"));
  rows.push([
    `CPU per call, all ${pooled("ours").length} paired runs`,
    "",
    "",
    "",
    ratio(pairedRatio(pooled("ours"), pooled("peer"))),
    ratio(rfAll),
    "≤ 1.15× floor",
    status(Number.isFinite(rfAll) ? rfAll <= 1.15 : undefined),
  ]);
  for (const c of cs) {
    const [o, p, f] = ["ours", "peer", "floor"].map((id) => [median(get(c, id, "p50Ms")), median(get(c, id, "p99Ms"))]);
    rows.push([
      `latency p50 / p99 ms, c=${c}`,
      `${n2(o[0])} / ${n2(o[1])}`,
      `${n2(p[0])} / ${n2(p[1])}`,
      `${n2(f[0])} / ${n2(f[1])}`,
      "",
      "",
      "",
      "",
    ]);
  }
  const top = cs.at(-1);
  const [o, p, f] = ["ours", "peer", "floor"].map((id) => median(get(top, id, "maxRssBytes")));
  rows.push([`peak RSS, c=${top}`, mb(o), mb(p), mb(f), ratio(o / p), ratio(o / f), "", ""]);
  for (const c of cs) {
    const on = get(c, "ours", "cpuUsPerCall");
    const off = get(c, "ours-novalidate", "cpuUsPerCall");
    if (off.every((x) => !Number.isFinite(x))) continue;
    const delta = median(on.map((x, i) => x - off[i]));
    rows.push([`validation cost, CPU µs per call (on − off), c=${c}`, n1(delta), "—", "—", "", "", "", ""]);
  }
}

function validationRows(validation, rows) {
  if (!validation) return;
  for (const [action, v] of Object.entries(validation)) {
    const value = v.error
      ? `error: ${v.error.split("\n")[0]}`
      : `${n2(v.deltaUs)} (${n1((v.deltaUs / v.offUs) * 100)}%)`;
    rows.push([
      `validation µs per call, ${action} sample (${v.members ?? "?"} members), no network`,
      value,
      "—",
      "—",
      "",
      "",
      "",
      "",
    ]);
  }
}

function signingRows(signing, rows) {
  if (!signing) return;
  const { ours, peer, floor } = signing;
  const rp = pairedRatio(ours ?? [], peer);
  rows.push([
    "TC3 signing, ops per CPU-second",
    n0(median(ours ?? [])),
    n0(median(peer)),
    n0(median(floor)),
    ratio(rp),
    ratio(pairedRatio(ours ?? [], floor)),
    "≥ 2.5× peer",
    status(Number.isFinite(rp) ? rp >= 2.5 : undefined),
  ]);
}

function coldRows(cold, rows) {
  if (!cold) return;
  for (const kind of ["cjs", "esm"]) {
    const o = cold[`ours-${kind}`];
    const p = cold[`peer-${kind}`];
    const r = o ? o.addedWallMs / p.addedWallMs : NaN;
    const rCpu = o ? o.addedCpuMs / p.addedCpuMs : NaN;
    rows.push([
      `cold start ${kind === "cjs" ? "require" : "import"}, ms added (wall / CPU)`,
      o ? `${n1(o.addedWallMs)} / ${n1(o.addedCpuMs)}` : "n/a",
      `${n1(p.addedWallMs)} / ${n1(p.addedCpuMs)}`,
      "—",
      `${ratio(r)} / ${ratio(rCpu)}`,
      "",
      "≤ 0.25× peer",
      status(Number.isFinite(r) ? r <= 0.25 : undefined),
    ]);
  }
}

function bundleRows(bundle, rows) {
  if (!bundle) return;
  const o = bundle.ours;
  const p = bundle.peer;
  const ok = o ? o.bytes <= 60_000 && o.bytes <= p.bytes / 9 && o.thirdParty.length === 0 : undefined;
  rows.push([
    "bundle, one call, minified",
    o ? kb(o.bytes) : "n/a",
    kb(p.bytes),
    "—",
    o ? ratio(o.bytes / p.bytes) : "n/a",
    "",
    "≤ 60 KB, ≤ 1/9 peer, no 3rd-party",
    status(ok),
  ]);
  rows.push([
    "bundle, gzip",
    o ? kb(o.gzipBytes) : "n/a",
    kb(p.gzipBytes),
    "—",
    o ? ratio(o.gzipBytes / p.gzipBytes) : "n/a",
    "",
    "",
    "",
  ]);
}

function installRows(install, rows) {
  if (!install) return;
  const o = install.ours?.footprint;
  const p = install.peer.footprint;
  const onlyOurs = o ? o.packages.every((x) => x.startsWith("@org/")) : undefined;
  rows.push([
    "install, packages",
    o ? String(o.packages.length) : "n/a",
    String(p.packages.length),
    "—",
    "",
    "",
    "@org/tc-redis + @org/tc-core only",
    status(onlyOurs),
  ]);
  rows.push([
    "install, unpacked bytes",
    o ? mb(o.bytes) : "n/a",
    mb(p.bytes),
    "—",
    o ? ratio(o.bytes / p.bytes) : "n/a",
    "",
    "< 1.5 MB",
    status(o ? o.bytes < 1.5e6 : undefined),
  ]);
}

function generatorRows(gen, rows) {
  if (!gen) return;
  if (gen.redisMs !== undefined)
    rows.push([
      "generator, Redis (118 actions), wall s",
      n2(gen.redisMs / 1000),
      "—",
      "—",
      "",
      "",
      "< 2 s",
      status(gen.redisMs < 2000),
    ]);
  if (gen.syntheticMs !== undefined) {
    rows.push([
      `generator, synthetic ×10 (${gen.syntheticActions} actions), wall s`,
      n2(gen.syntheticMs / 1000),
      "—",
      "—",
      `${n1(gen.syntheticMs / gen.redisMs)}× Redis`,
      "",
      "< 15 s",
      status(gen.syntheticMs < 15_000),
    ]);
  }
}

/** The results table as markdown. */
export function renderTable(results) {
  const rows = [];
  loadRows(results.load, rows);
  validationRows(results.validation, rows);
  signingRows(results.signing, rows);
  coldRows(results.cold, rows);
  bundleRows(results.bundle, rows);
  installRows(results.install, rows);
  generatorRows(results.generator, rows);
  const head = ["figure", "@org/tc-redis", "official SDK", "floor", "ours ÷ peer", "ours ÷ floor", "target", ""];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  return lines.join("\n");
}

/** Machine, settings and per-section details that make the table reproducible and honest. */
export function renderNotes(results) {
  const m = results.machine;
  const c = results.config;
  const out = [
    `- Date: ${m.date}; command: \`${m.command}\`${c.quick ? " (**quick mode: not for quoting**)" : ""}`,
    `- Machine: ${m.cpu} × ${m.cores} cores, ${m.memGiB} GiB, ${m.os}; Node ${m.node}`,
    `- Load average at start ${m.loadStart}, at end ${m.loadEnd} (other work on this machine shifts absolute numbers; the paired ratios are what count)`,
  ];
  if (results.load) {
    out.push(
      `- Load runs: ${c.durationMs / 1000} s measured per contender after ${c.warmupMs / 1000} s warm-up, taken in ${c.sliceMs / 1000} s turns alternating between the contenders, ${c.rounds} rounds, one process per contender and round; medians over rounds, ratios are medians of per-round ratios`,
    );
    const forms = {};
    for (const byC of Object.values(results.load.runs)) {
      for (const list of Object.values(byC)) {
        for (const r of list)
          for (const [client, f] of Object.entries(r?.hostForms ?? {}))
            for (const form of Object.keys(f)) (forms[client] ??= new Set()).add(form);
      }
    }
    const formText = Object.entries(forms)
      .map(([client, f]) => `\`${client}\` ${[...f].join("+")}`)
      .join(", ");
    out.push(
      `- Every request's TC3 signature was verified by the fake endpoint (host form signed, by X-TC-RequestClient: ${formText}); invalid runs: ${results.load.invalid.length}`,
    );
    for (const bad of results.load.invalid)
      out.push(
        `  - round ${bad.round + 1}, c=${bad.concurrency}, ${bad.contender}: ${bad.error ?? JSON.stringify(bad.failures)}`,
      );
  }
  if (results.cold) {
    const r = results.cold["peer-root-cjs"];
    out.push(
      `- Cold start: ${c.coldReps} repetitions per variant; peer = \`require("tencentcloud-sdk-nodejs/tencentcloud/services/redis")\`; the peer's documented \`require("tencentcloud-sdk-nodejs")\` adds ${n1(r.addedWallMs)} ms wall / ${n1(r.addedCpuMs)} ms CPU`,
    );
  }
  if (results.bundle) {
    const top = (b) =>
      b.byPackage
        .slice(0, 5)
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(", ");
    out.push(
      `- Bundle (esbuild ${results.bundle.esbuildVersion}, minify, platform node, ESM): peer = \`tencentcloud-sdk-nodejs/es/services/redis\`: ${top(results.bundle.peer)}; peer root import: ${kb(results.bundle["peer-root"].bytes)}`,
    );
    if (results.bundle.ours)
      out.push(
        `  - ours: ${top(results.bundle.ours)}; third-party packages in it: ${results.bundle.ours.thirdParty.join(", ") || "none"}`,
      );
  }
  if (results.install) {
    const o = results.install.ours;
    out.push(
      `- Install: peer \`tencentcloud-sdk-nodejs@${results.install.peerVersion}\` ${results.install.peer.footprint.files} files`,
    );
    if (o) {
      out.push(`  - ours: ${o.footprint.packages.join(", ")}; ${o.footprint.files} files`);
      for (const [name, p] of Object.entries(o.packed))
        out.push(
          `  - \`npm pack\` ${name}: ${kb(p.size)} packed, ${kb(p.unpackedSize)} unpacked, ${p.entryCount} files`,
        );
    }
  }
  if (results.validation)
    out.push(
      "- Validation price: the client method with `validate: true` minus `false`, in-memory transport answering the sample (no network), so the percentage is of the SDK's own per-call work, not of a real call",
    );
  if (results.signing)
    out.push(
      "- Signing: ours = `signTc3` (all request headers), floor = HMAC chain with cached key (Authorization only), peer = `Sign.sign3` (serialises the request object itself, as it does per call)",
    );
  if (results.generator?.notes) for (const note of results.generator.notes) out.push(`- Generator: ${note}`);
  for (const note of results.notes) out.push(`- ${note}`);
  return out.join("\n");
}
