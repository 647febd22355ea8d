import path from "node:path";
import { readSpecFile, SpecLoadError, type SpecProblem } from "../../../load/index.js";
import { hasKey } from "../../../spec/dict.js";
import type { ActionSpec, ErrorsSpec, SpecMember, SpecSample } from "../../../spec/types.js";
import { ImportError } from "../import-error.js";
import type { Correction, MemberOwner, MemberTarget, OverridesFile } from "./types.js";

/** The file name, in each `<service>/<version>/` folder. */
export const OVERRIDES_FILE = "overrides.json";

type MemberCorrection = Extract<Correction, MemberTarget>;

/**
 * The curated corrections of one service version, applied by both importers at the stage each
 * concerns (renames while members are read, so a rename can fix a name upstream lists twice; the
 * rest on the built specs). Every correction must match something: `unmatched()` lists those that
 * did not, naming the file and the correction's JSON path. Importers read this file, never write it.
 */
export class Overrides {
  readonly #used = new Set<number>();

  private constructor(
    /** As shown in messages, e.g. `specs/redis/2018-04-12/overrides.json`. */
    readonly file: string,
    readonly corrections: readonly Correction[],
  ) {}

  /** No corrections: what a service without `overrides.json` gets. */
  static none(): Overrides {
    return new Overrides("", []);
  }

  /**
   * Reads `<out>/<serviceDir>/overrides.json`, checked against its schema and for member targets
   * naming exactly one owner; absent → no corrections. Problems throw {@link ImportError}.
   */
  static async read(out: string, serviceDir: string): Promise<Overrides> {
    const file = path.join(out, serviceDir, OVERRIDES_FILE);
    let parsed: OverridesFile | undefined;
    try {
      parsed = await readSpecFile<OverridesFile>(file, "overrides");
    } catch (err) {
      if (err instanceof SpecLoadError) throw new ImportError(file, err.problems);
      throw err;
    }
    if (!parsed) return Overrides.none();
    const problems: SpecProblem[] = [];
    parsed.corrections.forEach((c, i) => {
      if (!("member" in c)) return;
      const byStructure = c.structure !== undefined;
      const byAction = c.action !== undefined || c.side !== undefined;
      if (byStructure === byAction || (byAction && (c.action === undefined || c.side === undefined))) {
        problems.push({
          file,
          path: `/corrections/${i}`,
          message: "a member correction names either structure, or action and side",
        });
      }
    });
    if (problems.length > 0) throw new ImportError(file, problems);
    return new Overrides(file, parsed.corrections);
  }

  /** Renames members in place (drafts or specs), by their names as upstream wrote them. */
  rename<T extends { name: string }>(owner: MemberOwner, members: T[], problems: SpecProblem[]): void {
    const renames: [T, string][] = [];
    this.forMembers(owner, "renameMember", members, problems, (c, i) => {
      if (c.op === "renameMember") renames.push([members[i]!, c.to]);
    });
    for (const [member, to] of renames) member.name = to;
  }

  /** Applies setMember and dropMember corrections to spec members; returns the corrected list. */
  edit(owner: MemberOwner, members: readonly SpecMember[], problems: SpecProblem[]): SpecMember[] {
    const out: (SpecMember | undefined)[] = members.map((m) => ({ ...m }));
    const edits = (c: Correction, i: number) => {
      const member = out[i];
      if (!member) return;
      if (c.op === "dropMember") out[i] = undefined;
      else if (c.op === "setMember") {
        const { example, ...rest } = c.set;
        Object.assign(member, rest);
        if (example === null) delete member.example;
        else if (example !== undefined) member.example = example;
      }
    };
    this.forMembers(owner, "dropMember", members, problems, edits);
    this.forMembers(owner, "setMember", members, problems, edits);
    return out.filter((m): m is SpecMember => m !== undefined);
  }

  /**
   * Removes error codes named by dropErrorCode corrections: from the service's codes and every
   * action's list, or from one action's list. Runs before codes are checked, so a dropped
   * malformed code raises no warning.
   */
  dropErrorCodes(codes: ErrorsSpec["codes"], actions: Record<string, readonly string[]>): void {
    this.corrections.forEach((c, i) => {
      if (c.op !== "dropErrorCode") return;
      let matched = false;
      if (c.action === undefined && hasKey(codes, c.code)) {
        delete codes[c.code];
        matched = true;
      }
      for (const name of Object.keys(actions)) {
        if (c.action !== undefined && name !== c.action) continue;
        const list = actions[name]!;
        if (!list.includes(c.code)) continue;
        actions[name] = list.filter((code) => code !== c.code);
        matched = true;
      }
      if (matched) this.#used.add(i);
    });
  }

  /** Decides an upstream sample's fate by title: kept, dropped, or replaced by a curated sample. */
  sample(action: string, title: string): { drop: true } | { replace: SpecSample; at: string } | undefined {
    const i = this.corrections.findIndex(
      (c) => (c.op === "dropSample" || c.op === "replaceSample") && c.action === action && c.sample === title,
    );
    if (i < 0) return undefined;
    this.#used.add(i);
    const c = this.corrections[i]!;
    return c.op === "replaceSample" ? { replace: c.with, at: `/corrections/${i}/with` } : { drop: true };
  }

  /** Applies setAction corrections to a built action. */
  setAction(action: ActionSpec): ActionSpec {
    let out = action;
    this.corrections.forEach((c, i) => {
      if (c.op !== "setAction" || c.action !== action.name) return;
      this.#used.add(i);
      out = { ...out, ...c.set };
    });
    return out;
  }

  /**
   * Corrections that matched nothing, as problems naming the file and JSON path. `inScope` limits
   * the check to what this import covers (the doc importer reads a few pages, not the service).
   */
  unmatched(inScope: (c: Correction) => boolean = () => true): SpecProblem[] {
    const problems: SpecProblem[] = [];
    this.corrections.forEach((c, i) => {
      if (this.#used.has(i) || !inScope(c)) return;
      problems.push({
        file: this.file,
        path: `/corrections/${i}`,
        message: `${c.op} matches nothing: ${describeTarget(c)} not found`,
      });
    });
    return problems;
  }

  /** Corrections outside `inScope`, i.e. not checked by this import. */
  outOfScope(inScope: (c: Correction) => boolean): number {
    return this.corrections.filter((c) => !inScope(c)).length;
  }

  private forMembers(
    owner: MemberOwner,
    op: MemberCorrection["op"],
    members: readonly { name: string }[],
    problems: SpecProblem[],
    apply: (c: Correction, index: number) => void,
  ): void {
    this.corrections.forEach((c, i) => {
      if (c.op !== op || !("member" in c) || !ownedBy(c, owner)) return;
      const positions = members.flatMap((m, at) => (m.name === c.member ? [at] : []));
      if (positions.length === 0) return;
      if (c.occurrence === undefined && positions.length > 1) {
        problems.push({
          file: this.file,
          path: `/corrections/${i}`,
          message: `${describeTarget(c)} appears ${positions.length} times: say which with "occurrence"`,
        });
        this.#used.add(i);
        return;
      }
      const at = positions[(c.occurrence ?? 1) - 1];
      if (at === undefined) return;
      this.#used.add(i);
      apply(c, at);
    });
  }
}

function ownedBy(c: MemberTarget, owner: MemberOwner): boolean {
  if ("structure" in owner) return c.structure === owner.structure;
  return c.action === owner.action && c.side === owner.side;
}

/** `structure InstanceParamHistory member PreValue (occurrence 2)`, `action X sample "Example 1"`… */
export function describeTarget(c: Correction): string {
  const where =
    "member" in c
      ? `${c.structure !== undefined ? `structure ${c.structure}` : `action ${c.action ?? "?"} ${c.side ?? "?"}`} member ${c.member}` +
        (c.occurrence !== undefined ? ` (occurrence ${c.occurrence})` : "")
      : c.op === "dropErrorCode"
        ? `error code ${JSON.stringify(c.code)}${c.action !== undefined ? ` of action ${c.action}` : ""}`
        : c.op === "setAction"
          ? `action ${c.action}`
          : `action ${c.action} sample ${JSON.stringify(c.sample)}`;
  return where;
}
