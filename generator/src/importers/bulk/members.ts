import { pointerSegment, type SpecProblem } from "../../load/problems.js";
import type { SpecMember, SpecType } from "../../spec/types.js";
import { htmlToText } from "../common/html-text.js";
import { isPlaceholderExample } from "../common/placeholders.js";
import type { SourceMember, SourceObject } from "./source.js";

/** Which upstream flag says a member is required: requests use `required`, responses `output_required`. */
export type RequiredFlag = "input" | "output";

/** Maps api.json members to spec members, collecting problems instead of stopping at the first. */
export class MemberMapper {
  /** Placeholder examples dropped, e.g. `DescribeX.Limit: "无"`, for the import's warnings. */
  readonly placeholders: { where: string; text: string }[] = [];

  constructor(
    /** api.json path, for problem reports. */
    private readonly file: string,
    /** Names of the shared structures; every structure reference must be one of them. */
    private readonly structures: ReadonlySet<string>,
    private readonly problems: SpecProblem[],
  ) {}

  /**
   * Members of object `objectName`. `RequestId` is dropped from responses: it is common to every
   * response and the generator adds it.
   */
  members(objectName: string, object: SourceObject, flag: RequiredFlag, dropRequestId = false): SpecMember[] {
    const out: SpecMember[] = [];
    object.members.forEach((m, i) => {
      if (dropRequestId && m.name === "RequestId") return;
      const at = `/objects/${pointerSegment(objectName)}/members/${i}`;
      const type = this.type(m, at);
      if (!type) return;
      const member: SpecMember = {
        name: m.name,
        type,
        required: isRequired(m, flag),
        nullable: m.value_allowed_null ?? false,
        description: htmlToText(m.document ?? ""),
        deprecated: m.disabled ?? false,
      };
      if (m.example !== undefined) {
        if (isPlaceholderExample(m.example))
          this.placeholders.push({ where: `${objectName}.${m.name}`, text: m.example });
        else member.example = m.example;
      }
      out.push(member);
    });
    return out;
  }

  private type(m: SourceMember, at: string): SpecType | undefined {
    switch (m.type) {
      case "string":
        return { kind: "string" };
      case "float":
        return { kind: "float" };
      case "bool":
        return { kind: "boolean" };
      case "int":
        return this.integer(m.member, `${at}/member`);
      case "list": {
        const items = this.element(m.member, `${at}/member`);
        return items && { kind: "list", items };
      }
      case "object":
        return this.structure(m.member, `${at}/member`);
      default:
        this.problems.push({ file: this.file, path: `${at}/type`, message: `unknown type "${m.type}"` });
        return undefined;
    }
  }

  private element(name: string, at: string): SpecType | undefined {
    switch (name) {
      case "string":
        return { kind: "string" };
      case "int64":
      case "uint64":
        return { kind: "integer", width: name };
      case "float":
        return { kind: "float" };
      case "bool":
        return { kind: "boolean" };
      default:
        return this.structure(name, at);
    }
  }

  private integer(width: string, at: string): SpecType | undefined {
    if (width === "int64" || width === "uint64") return { kind: "integer", width };
    this.problems.push({ file: this.file, path: at, message: `integer width "${width}" is not int64 or uint64` });
    return undefined;
  }

  private structure(name: string, at: string): SpecType | undefined {
    if (this.structures.has(name)) return { kind: "structure", name };
    this.problems.push({
      file: this.file,
      path: at,
      message: `references structure "${name}", which is not a shared structure in api.json objects`,
    });
    return undefined;
  }
}

function isRequired(m: SourceMember, flag: RequiredFlag): boolean {
  if (flag === "input") return m.required ?? false;
  return m.output_required ?? m.required ?? false;
}
