// `npm run facts:check` and the scripts' test: every README sentence that quotes a fact must agree with
// the fact's one source (sources.ts). A claim whose sentence was reworded so the pattern no longer finds it
// fails too, so no figure can drift out from under the check.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_RETRY_POLICY } from "../../packages/core/src/retry/policy.js";
import { CREDENTIAL_CHAIN, type ShippedPackage, type SpecCounts, shippedPackages, specCounts } from "./sources.js";

/** A sentence in a hand-written file that quotes facts: each named group must equal the fact of that name. */
export interface Claim {
  /** Repository-relative path. */
  readonly file: string;
  /** Finds the sentence; named groups capture the quoted figures (commas allowed: `1,180`). */
  readonly pattern: RegExp;
}

/** Figures a claim may quote, by group name. */
export type Facts = SpecCounts & {
  readonly coreRuntimeDependencies: number;
  readonly retryMaxAttempts: number;
};

/** The hand-written sentences that quote counts. Generated READMEs take theirs from the specs directly. */
export const CLAIMS: readonly Claim[] = [
  {
    file: "README.md",
    pattern:
      /Redis 2018-04-12: (?<actions>[\d,]+) actions, (?<structures>[\d,]+) structures, (?<serviceCodes>[\d,]+) service codes, (?<commonCodes>[\d,]+) common codes, (?<samples>[\d,]+) samples, the `TaskDone` waiter \((?<waiterTrackedActions>[\d,]+) task-starting actions\) and (?<paginators>[\d,]+) paginators/,
  },
  { file: "README.md", pattern: /read-only actions \((?<readOnlyActions>[\d,]+) of (?<actions>[\d,]+),/ },
  { file: "specs/README.md", pattern: /tracking (?<waiterTrackedActions>[\d,]+) actions\./ },
  { file: "specs/README.md", pattern: /\(Redis: (?<readOnlyActions>[\d,]+) actions\)/ },
  { file: "packages/core/README.md", pattern: /(?<coreRuntimeDependencies>one|two|three|\d+) runtime dependenc/ },
  { file: "packages/core/README.md", pattern: /\| `retry` \| (?<retryMaxAttempts>\d+) attempts/ },
];

/** Files that may name the default credential chain's sources: every README, doc template and core source. */
const CHAIN_FILES = ["README.md", "packages", "generator/templates", "generator/src/emit"];

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3 };

/** Computes every fact from its source. */
export function computeFacts(root: string): Facts {
  const core = JSON.parse(readFileSync(path.join(root, "packages/core/package.json"), "utf8")) as {
    dependencies?: object;
  };
  return {
    ...specCounts(root, "redis", "2018-04-12"),
    coreRuntimeDependencies: Object.keys(core.dependencies ?? {}).length,
    retryMaxAttempts: DEFAULT_RETRY_POLICY.maxAttempts,
  };
}

/** Problems with the count claims: a sentence not found, or a figure that differs from its source. */
export function checkClaims(root: string, claims: readonly Claim[], facts: Facts): string[] {
  const problems: string[] = [];
  for (const claim of claims) {
    const match = claim.pattern.exec(readFileSync(path.join(root, claim.file), "utf8"));
    if (!match?.groups) {
      problems.push(`${claim.file}: no sentence matches ${claim.pattern} (reworded? update scripts/facts/check.ts)`);
      continue;
    }
    for (const [name, stated] of Object.entries(match.groups)) {
      const actual = (facts as Record<string, number>)[name];
      const value = WORDS[stated] ?? Number(stated.replaceAll(",", ""));
      if (actual === undefined) problems.push(`${claim.file}: claim names unknown fact "${name}"`);
      else if (value !== actual) problems.push(`${claim.file}: says ${stated} for ${name}, the source says ${actual}`);
    }
  }
  return problems;
}

/** Where README.md holds the table of shipped packages; {@link packagesTable} writes what goes between. */
export const TABLE_START = "<!-- shipped-packages: checked by npm run facts:check against specs/ -->";
export const TABLE_END = "<!-- /shipped-packages -->";

/** The README's table of shipped packages: package, service title, API versions (root marked), actions per version. */
export function packagesTable(packages: readonly ShippedPackage[]): string {
  const rows = packages.map((p) => {
    const versions = p.versions
      .map((v) => `\`${v.version}\`${v.root && p.versions.length > 1 ? " (root)" : ""}`)
      .join(", ");
    const actions = p.versions.map((v) => v.actions.toLocaleString("en-US")).join(" + ");
    return `| [\`${p.packageName}\`](packages/${p.service}/README.md) | ${p.title} | ${versions} | ${actions} |`;
  });
  const total = packages.reduce((sum, p) => sum + p.versions.reduce((n, v) => n + v.actions, 0), 0);
  const versionCount = packages.reduce((sum, p) => sum + p.versions.length, 0);
  return [
    "| package | service | API versions | actions |",
    "| --- | --- | --- | --- |",
    ...rows,
    `| ${packages.length} packages | | ${versionCount} versions | ${total.toLocaleString("en-US")} |`,
  ].join("\n");
}

/** README.md's table of shipped packages must be exactly {@link packagesTable} of what `specs/` holds. */
export function checkPackagesTable(root: string, file = "README.md"): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  const expected = packagesTable(shippedPackages(root));
  if (start < 0 || end < start)
    return [`${file}: no table of shipped packages between ${TABLE_START} and ${TABLE_END}`];
  const actual = text.slice(start + TABLE_START.length, end).trim();
  return actual === expected
    ? []
    : [`${file}: the table of shipped packages differs from specs/; it should read:\n${expected}`];
}

/** How a passage may name each chain source (the docs abbreviate: "env", "CVM role"). */
const CHAIN_MENTIONS: readonly RegExp[] = [/\benv(?:ironment)?\b/i, /\bprofile file\b/i, /\bTKE OIDC\b/, /\bCVM\b/];

/**
 * Passages (paragraphs of text, or runs of comment lines) that name the TKE OIDC and the CVM sources and
 * state them, or any other chain source, out of {@link CREDENTIAL_CHAIN} order.
 */
export function checkChainOrder(root: string, files: readonly string[] = CHAIN_FILES): string[] {
  if (CREDENTIAL_CHAIN.length !== CHAIN_MENTIONS.length) {
    return [
      `scripts/facts/check.ts: CHAIN_MENTIONS has ${CHAIN_MENTIONS.length} patterns for ${CREDENTIAL_CHAIN.length} sources`,
    ];
  }
  const problems: string[] = [];
  for (const file of files.flatMap((entry) => listFiles(root, entry))) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const passage of text.split(/\n\s*(?:\*|\/\/)?\s*\n/)) {
      if (!/\bTKE OIDC\b/.test(passage) || !/\bCVM\b/.test(passage)) continue;
      const positions = CHAIN_MENTIONS.map((mention) => passage.search(mention)).filter((at) => at >= 0);
      if (positions.some((at, i) => i > 0 && at < positions[i - 1]!)) {
        const line = text.slice(0, text.indexOf(passage)).split("\n").length;
        problems.push(
          `${file}:${line}: names the credential sources out of order; the chain is ${CREDENTIAL_CHAIN.join(" → ")}`,
        );
      }
    }
  }
  return problems;
}

function listFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((relative) => path.join(entry, relative))
    .filter((file) => /\.(md|ts|hbs)$/.test(file) && !/(^|\/)(node_modules|dist|test)\//.test(file))
    .filter((file) => statSync(path.join(root, file)).isFile());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const problems = [
    ...checkClaims(root, CLAIMS, computeFacts(root)),
    ...checkChainOrder(root),
    ...checkPackagesTable(root),
  ];
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0 ? "facts: every README agrees with its sources" : `facts: ${problems.length} problem(s)`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
