import type { ActionSpec, SpecMember, SpecSample } from "../../../spec/types.js";

/** A member of a structure, or of an action's request or response; `occurrence` picks among same-named members. */
export interface MemberTarget {
  structure?: string;
  action?: string;
  side?: "input" | "output";
  member: string;
  /** 1-based; needed only when upstream lists the name more than once. */
  occurrence?: number;
}

/** Member fields a correction may set; `example: null` removes the example. */
export type MemberPatch = Partial<Pick<SpecMember, "type" | "required" | "nullable" | "deprecated" | "description">> & {
  example?: string | null;
};

/** Action fields a correction may set. */
export type ActionPatch = Partial<
  Pick<
    ActionSpec,
    "summary" | "description" | "deprecated" | "readOnly" | "regionRequired" | "financialRegions" | "rateLimit"
  >
>;

/** One curated correction of `overrides.json` (`specs/schema/overrides.schema.json`). */
export type Correction = { reason: string } & (
  | ({ op: "renameMember"; to: string } & MemberTarget)
  | ({ op: "setMember"; set: MemberPatch } & MemberTarget)
  | ({ op: "dropMember" } & MemberTarget)
  | { op: "dropErrorCode"; code: string; action?: string }
  | { op: "dropSample"; action: string; sample: string }
  | { op: "replaceSample"; action: string; sample: string; with: SpecSample }
  | { op: "setAction"; action: string; set: ActionPatch }
);

/** `overrides.json`. */
export interface OverridesFile {
  corrections: Correction[];
}

/** Whose members a list is: a structure's, or one side of an action. */
export type MemberOwner = { structure: string } | { action: string; side: "input" | "output" };
