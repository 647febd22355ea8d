/**
 * Shapes of the service-description files, as JSON Schemas. Only what the importer relies on is
 * constrained; unknown properties are allowed because upstream adds fields over time.
 */
/**
 * Names that become file names (actions, structures) or identifiers in generated code (members) are
 * checked here, before anything is staged: a name such as `../../package` is refused with its JSON
 * path instead of reaching a writer. The patterns are the spec schema's (`specs/schema`).
 */
export const NAME_PATTERNS = {
  action: "^[A-Z][A-Za-z0-9]*$",
  object: "^[A-Z][A-Za-z0-9_]*$",
  member: "^[A-Za-z_][A-Za-z0-9_]*$",
} as const;

const member = {
  type: "object",
  required: ["name", "type", "member"],
  properties: {
    name: { type: "string", pattern: NAME_PATTERNS.member },
    type: { enum: ["string", "int", "float", "bool", "list", "object"] },
    member: { type: "string", minLength: 1 },
    required: { type: "boolean" },
    output_required: { type: "boolean" },
    value_allowed_null: { type: "boolean" },
    document: { type: "string" },
    example: { type: "string" },
    disabled: { type: "boolean" },
  },
} as const;

const api = {
  type: "object",
  required: ["metadata", "actions", "objects"],
  properties: {
    metadata: {
      type: "object",
      required: ["serviceShortName", "apiVersion"],
      properties: {
        serviceShortName: { type: "string", pattern: "^[a-z][a-z0-9]*$" },
        apiVersion: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        serviceNameEN: { type: "string" },
        serviceNameCN: { type: "string" },
      },
    },
    actions: {
      type: "object",
      propertyNames: { pattern: NAME_PATTERNS.action },
      additionalProperties: {
        type: "object",
        required: ["name", "document", "input", "output"],
        properties: {
          name: { type: "string" },
          document: { type: "string" },
          input: { type: "string" },
          output: { type: "string" },
          status: { type: "string" },
        },
      },
    },
    objects: {
      type: "object",
      propertyNames: { pattern: NAME_PATTERNS.object },
      additionalProperties: {
        type: "object",
        required: ["members"],
        properties: {
          document: { type: "string" },
          members: { type: "array", items: member },
          usage: { enum: ["in", "out", "both"] },
        },
      },
    },
  },
} as const;

const examples = {
  type: "object",
  required: ["actions"],
  properties: {
    actions: {
      type: "object",
      additionalProperties: {
        type: "array",
        items: {
          type: "object",
          required: ["title", "input", "output"],
          properties: {
            title: { type: "string" },
            document: { type: "string" },
            input: { type: "string" },
            output: { type: "string" },
          },
        },
      },
    },
  },
} as const;

const errors = {
  type: "object",
  required: ["codes", "actions"],
  properties: {
    codes: { type: "object", additionalProperties: { type: "string" } },
    actions: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
  },
} as const;

const limits = {
  type: "object",
  required: ["actions"],
  properties: {
    actions: {
      type: "object",
      additionalProperties: {
        type: "object",
        properties: {
          ratePerSecond: { type: "integer", minimum: 1 },
          financialRegions: { type: "boolean" },
        },
      },
    },
  },
} as const;

/** The files of a service directory the bulk importer reads. */
export type SourceFileName = "api.json" | "examples.json" | "errors.json" | "limits.json";

/** Schema per source file. */
export const SOURCE_SCHEMAS: Record<SourceFileName, object> = {
  "api.json": api,
  "examples.json": examples,
  "errors.json": errors,
  "limits.json": limits,
};
