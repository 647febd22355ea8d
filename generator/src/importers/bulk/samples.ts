import type { SpecMember, SpecSample } from "../../spec/types.js";
import { parseSampleRequest, SampleParseError } from "../common/sample-request.js";
import { conformSample, queryToJson, type ResolveStructure } from "../common/typed-sample.js";
import type { SourceExample } from "./source.js";

/** Samples of one action, plus warnings about what was skipped or trimmed. */
export interface ActionSamples {
  samples: SpecSample[];
  warnings: string[];
}

/**
 * Turns documented examples into typed samples. A sample whose request or response cannot be
 * read at all is skipped with a warning; keys or values that do not fit the members are dropped
 * with a warning, keeping the rest.
 */
export function convertSamples(
  action: string,
  examples: readonly SourceExample[],
  input: readonly SpecMember[],
  output: readonly SpecMember[],
  resolve: ResolveStructure,
): ActionSamples {
  const samples: SpecSample[] = [];
  const warnings: string[] = [];
  for (const example of examples) {
    const where = `${action} sample "${example.title}"`;
    let request;
    try {
      request = parseSampleRequest(example.input);
    } catch (err) {
      if (!(err instanceof SampleParseError)) throw err;
      warnings.push(`${where}: request skipped the sample: ${err.message}`);
      continue;
    }
    if (request.form === "query" && request.action !== undefined && request.action !== action) {
      warnings.push(`${where}: request names Action=${request.action}, read as ${action}`);
    }
    const typedRequest =
      request.form === "query"
        ? queryToJson(request.params, input, resolve)
        : conformSample(request.body, input, resolve, { request: true });
    warnings.push(...typedRequest.issues.map((issue) => `${where}: request ${issue}`));

    const response = readResponse(example.output);
    if (typeof response === "string") {
      warnings.push(`${where}: response ${response}; sample skipped`);
      continue;
    }
    const typedResponse = conformSample(response, output, resolve, { extraKeys: ["RequestId"] });
    warnings.push(...typedResponse.issues.map((issue) => `${where}: response ${issue}`));

    const sample: SpecSample = {
      title: example.title.trim(),
      request: typedRequest.value,
      response: typedResponse.value,
    };
    const description = example.document?.trim();
    if (description) sample.description = description;
    samples.push(sample);
  }
  return { samples, warnings };
}

/** The content of `Response`, or why there is none. */
function readResponse(text: string): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `is not valid JSON (${(err as Error).message.replace(/\s+/g, " ")})`;
  }
  const inner = (parsed as { Response?: unknown } | null)?.Response;
  if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return "has no Response object";
  if ("Error" in inner) return "is an error response";
  return inner as Record<string, unknown>;
}
