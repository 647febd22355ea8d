import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * One temporary directory holding everything the publish test creates (repository copy, registry storage, consumer
 * project, npm cache), so a single removal leaves nothing behind.
 */
export class Scratch {
  readonly dir: string;

  constructor(prefix: string) {
    this.dir = mkdtempSync(path.join(tmpdir(), prefix));
  }

  /** Absolute path of `name` inside the scratch directory. */
  path(...segments: string[]): string {
    return path.join(this.dir, ...segments);
  }

  /** Deletes the scratch directory and everything in it. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }
}
