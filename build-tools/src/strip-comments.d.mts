/**
 * `code` without its comments, except bundler annotations (`@__PURE__`, `@__NO_SIDE_EFFECTS__`) and `/*!`
 * legal comments; a comment alone on its lines goes with them. `name` names the file in parse errors.
 */
export declare function withoutComments(code: string, name: string): string;
