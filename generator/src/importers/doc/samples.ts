import type { SpecMember, SpecSample } from "../../spec/types.js";
import { parseSampleRequest, SampleParseError } from "../common/sample-request.js";
import { conformSample, queryToJson, type ResolveStructure } from "../common/typed-sample.js";
import type { SampleDraft } from "./action-page.js";
import type { ProblemLog } from "./problems.js";

interface SampleContext {
  file: string;
  action: string;
  input: readonly SpecMember[];
  output: readonly SpecMember[];
  resolve: ResolveStructure;
  log: ProblemLog;
}

/**
 * Turns the page's samples into spec samples typed by the action's members. A sample that
 * disagrees with the page's own tables is a warning (the value is dropped so the kept sample fits
 * the spec); a sample that cannot be read at all is a warning and left out. Neither stops the import.
 */
export function buildSamples(drafts: readonly SampleDraft[], ctx: SampleContext): SpecSample[] {
  const samples: SpecSample[] = [];
  for (const draft of drafts) {
    const sample = buildSample(draft, ctx);
    if (sample) samples.push(sample);
  }
  return samples;
}

function buildSample(draft: SampleDraft, ctx: SampleContext): SpecSample | undefined {
  const input = draft.input!;
  const output = draft.output!;
  const label = `sample "${draft.title}"`;
  let request: Record<string, unknown>;
  try {
    const parsed = parseSampleRequest(input.text);
    if (parsed.form === "query") {
      if (parsed.action !== undefined && parsed.action !== ctx.action) {
        ctx.log.warn(ctx.file, input.line + 1, `${label} calls Action=${parsed.action}, not ${ctx.action}`);
      }
      const typed = queryToJson(parsed.params, ctx.input, ctx.resolve);
      report(typed.issues, `${label} request`, input, "query", ctx);
      request = typed.value;
    } else {
      const typed = conformSample(parsed.body, ctx.input, ctx.resolve, { request: true });
      report(typed.issues, `${label} request`, input, "json", ctx);
      request = typed.value;
    }
  } catch (err) {
    if (!(err instanceof SampleParseError)) throw err;
    ctx.log.warn(ctx.file, input.line, `${label} request cannot be read (${err.message}); sample skipped`);
    return undefined;
  }

  let body: unknown;
  try {
    body = JSON.parse(output.text);
  } catch (err) {
    ctx.log.warn(
      ctx.file,
      output.line,
      `${label} response is not valid JSON (${(err as Error).message}); sample skipped`,
    );
    return undefined;
  }
  const content = (body as { Response?: unknown } | null)?.Response;
  if (content === null || typeof content !== "object" || Array.isArray(content)) {
    ctx.log.warn(ctx.file, output.line, `${label} response has no "Response" object; sample skipped`);
    return undefined;
  }
  const typed = conformSample(content, ctx.output, ctx.resolve, { extraKeys: ["RequestId"] });
  report(typed.issues, `${label} response`, output, "json", ctx);

  const sample: SpecSample = { title: draft.title, request, response: typed.value };
  if (draft.description !== undefined) sample.description = draft.description;
  return sample;
}

/** Each issue is `/Json/Pointer: what`; it is reported on the code line that mentions the key. */
function report(
  issues: readonly string[],
  what: string,
  block: { line: number; text: string },
  form: "query" | "json",
  ctx: SampleContext,
): void {
  for (const issue of issues) {
    const colon = issue.indexOf(": ");
    const pointer = colon >= 0 ? issue.slice(0, colon) : "";
    const message = colon >= 0 ? issue.slice(colon + 2) : issue;
    const at = pointer === "" ? "" : ` at ${pointer}`;
    ctx.log.warn(ctx.file, lineOf(pointer, block, form), `${what} disagrees with the parameter table${at}: ${message}`);
  }
}

/** The code line holding the key a pointer ends in; the fence line when it cannot be found. */
function lineOf(pointer: string, block: { line: number; text: string }, form: "query" | "json"): number {
  const segments = pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (segments.length === 0) return block.line;
  const needle =
    form === "query" ? `${segments.join(".")}=` : `"${[...segments].reverse().find((s) => !/^\d+$/.test(s)) ?? ""}"`;
  const lines = block.text.split("\n");
  const at = lines.findIndex((l) => l.includes(needle));
  // The code starts on the line after the opening fence.
  return at >= 0 ? block.line + 1 + at : block.line;
}
