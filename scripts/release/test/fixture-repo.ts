import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { git } from "../git.js";

/** A throwaway git repository laid out like this monorepo, for exercising the release checks against real git. */
export class FixtureRepo {
  private constructor(readonly root: string) {}

  /** Creates an empty repository on branch `main`. */
  static create(): FixtureRepo {
    const repo = new FixtureRepo(mkdtempSync(path.join(tmpdir(), "tc-release-check-")));
    git(repo.root, ["init", "-q", "-b", "main"]);
    return repo;
  }

  /** Writes a text file, creating its directories. */
  write(file: string, text: string): this {
    const target = path.join(this.root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    return this;
  }

  /** Writes a JSON file the way npm and changesets format them. */
  writeJson(file: string, value: unknown): this {
    return this.write(file, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** Deletes a file or directory. */
  remove(file: string): this {
    rmSync(path.join(this.root, file), { recursive: true, force: true });
    return this;
  }

  /** Stages everything and commits; returns the new commit's hash. */
  commit(message: string): string {
    git(this.root, ["add", "-A"]);
    git(this.root, [
      "-c",
      "user.name=Fixture",
      "-c",
      "user.email=fixture@example.com",
      "-c",
      "commit.gpgsign=false",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      message,
    ]);
    return git(this.root, ["rev-parse", "HEAD"]).trim();
  }

  /** Removes the repository from disk. */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A published package manifest that satisfies every packaging rule; `overrides` replace top-level fields. */
export function publishedManifest(
  name: string,
  relDir: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const entry = (base: string) => ({
    import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
    require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
  });
  return {
    name,
    version: "0.1.0",
    description: `${name} for tests`,
    license: "Apache-2.0",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    exports: { ".": entry("index"), "./testing": entry("testing/index"), "./package.json": "./package.json" },
    files: ["dist", "README.md", "LICENSE"],
    publishConfig: { access: "public" },
    repository: { type: "git", url: "git+https://github.com/org/tc-sdk.git", directory: relDir },
    scripts: { build: "tsup", "lint:package": "publint --strict && attw --pack ." },
    ...overrides,
  };
}

/** Lays out a monorepo with a hand-written core, a generated redis package depending on it, and a private generator. */
export function seedMonorepo(repo: FixtureRepo): FixtureRepo {
  return repo
    .writeJson("package.json", { name: "root", private: true, workspaces: ["packages/*", "generator"] })
    .writeJson(".changeset/config.json", { baseBranch: "main", access: "public" })
    .write(".changeset/README.md", "# Changesets\n")
    .writeJson("packages/core/package.json", publishedManifest("@org/tc-core", "packages/core"))
    .write("packages/core/LICENSE", "Apache License 2.0\n")
    .write("packages/core/src/index.ts", "export const core = 1;\n")
    .write("packages/core/test/index.test.ts", "// test\n")
    .writeJson(
      "packages/redis/package.json",
      publishedManifest("@org/tc-redis", "packages/redis", { dependencies: { "@org/tc-core": "^0.1.0" } }),
    )
    .write("packages/redis/LICENSE", "Apache License 2.0\n")
    .write("packages/redis/src/client.gen.ts", "// generated\nexport const redis = 1;\n")
    .writeJson("generator/package.json", { name: "@org/tc-generator", version: "0.1.0", private: true })
    .write("generator/src/cli.ts", "export {};\n");
}
