/** One file of a generated package. */
export interface GeneratedFile {
  /** Path inside the package, POSIX separators, e.g. `src/models.gen.ts`. */
  readonly path: string;
  readonly content: string;
}

/** Generation inputs that are not spec content: who generates, and the release-managed fields. */
export interface EmitOptions {
  readonly generator: { readonly name: string; readonly version: string };
  /**
   * Fields of package.json owned by the release process (changesets bumps them), carried
   * over from the previous output so regeneration never undoes a release.
   */
  readonly release: { readonly version: string; readonly coreRange: string };
}
