import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkManifests } from "../manifest-check.js";
import { listWorkspaces } from "../workspaces.js";
import { FixtureRepo, publishedManifest, seedMonorepo } from "./fixture-repo.js";

let repo: FixtureRepo;

beforeEach(() => {
  repo = seedMonorepo(FixtureRepo.create());
});

afterEach(() => {
  repo.dispose();
});

const check = () => checkManifests(repo.root, listWorkspaces(repo.root));

function redisWith(overrides: Record<string, unknown>): void {
  repo.writeJson(
    "packages/redis/package.json",
    publishedManifest("@org/tc-redis", "packages/redis", {
      dependencies: { "@org/tc-core": "^0.1.0" },
      ...overrides,
    }),
  );
}

describe("checkManifests", () => {
  it("accepts dual-format packages that follow the packaging contract", () => {
    expect(check()).toEqual([]);
  });

  it("lists every broken rule of a published package, naming its manifest", () => {
    redisWith({
      description: "",
      license: "MIT",
      sideEffects: true,
      engines: { node: ">=18" },
      files: ["dist", "src", "README.md"],
      publishConfig: {},
      repository: "org/tc-sdk",
      scripts: { build: "tsup" },
      exports: {
        ".": { import: "./dist/index.js", require: { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      },
    });
    repo.remove("packages/redis/LICENSE");
    expect(check()).toEqual([
      'packages/redis/package.json: "description" is missing',
      'packages/redis/package.json: "license" must be "Apache-2.0"',
      "packages/redis/package.json: LICENSE file is missing next to it",
      'packages/redis/package.json: "repository" must be { "type": "git", "url": ..., "directory": "packages/redis" }',
      'packages/redis/package.json: "engines.node" must be ">=20"',
      'packages/redis/package.json: "sideEffects" must be false',
      'packages/redis/package.json: "publishConfig.access" must be "public"',
      'packages/redis/package.json: "files" entry "src" is not build output (dist), README.md or LICENSE',
      `packages/redis/package.json: "exports['.'].import" must be { "types": "./dist/….d.ts", "default": "./dist/….js" }`,
      `packages/redis/package.json: "exports['.'].require" must be { "types": "./dist/….d.cts", "default": "./dist/….cjs" }`,
      'packages/redis/package.json: "scripts.lint:package" must run publint and attw (e.g. "publint --strict && attw --pack .")',
    ]);
  });

  it("requires internal dependencies to be semver ranges that include the workspace version", () => {
    redisWith({ dependencies: { "@org/tc-core": "*" } });
    expect(check()).toEqual([
      'packages/redis/package.json: dependency @org/tc-core: "*" must be a semver range like "^0.1.0"',
    ]);
    redisWith({ dependencies: { "@org/tc-core": "^0.2.0" } });
    expect(check()).toEqual([
      'packages/redis/package.json: dependency @org/tc-core: "^0.2.0" does not include the workspace version 0.1.0',
    ]);
  });

  it("requires workspaces outside packages/ to be private", () => {
    repo.writeJson("generator/package.json", { name: "@org/tc-generator", version: "0.1.0" });
    expect(check()).toEqual([
      'generator/package.json: @org/tc-generator is outside packages/ and must be "private": true so it is never published',
    ]);
  });
});
