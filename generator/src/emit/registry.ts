import { actionsEmitter } from "./emitters/actions.js";
import { clientEmitter } from "./emitters/client.js";
import { entriesEmitter } from "./emitters/entries.js";
import { errorsEmitter } from "./emitters/errors.js";
import { indexEmitter } from "./emitters/index-file.js";
import { metadataEmitter } from "./emitters/metadata.js";
import { modelsEmitter } from "./emitters/models.js";
import { operationsEmitter } from "./emitters/operations.js";
import { packageFilesEmitter } from "./emitters/package-files/package-files.js";
import { paginatorsEmitter } from "./emitters/paginators.js";
import { smokeTestEmitter } from "./emitters/smoke-test.js";
import { stateWaitersEmitter } from "./emitters/state-waiters.js";
import { streamsEmitter } from "./emitters/streams.js";
import { testingEmitter } from "./emitters/testing/testing.js";
import { waitersEmitter } from "./emitters/waiters.js";
import type { PackageEmitter, VersionEmitter } from "./support/emitter.js";

/**
 * The one registration of every emitter. An emitter of one API version's modules goes in
 * {@link VERSION_EMITTERS}, one of package-level files in {@link PACKAGE_EMITTERS}; the order only
 * matters for error messages, since the files are sorted by path afterwards.
 */
export const VERSION_EMITTERS: readonly VersionEmitter[] = [
  modelsEmitter,
  errorsEmitter,
  metadataEmitter,
  actionsEmitter,
  operationsEmitter,
  clientEmitter,
  indexEmitter,
  testingEmitter,
  waitersEmitter,
  stateWaitersEmitter,
  streamsEmitter,
  paginatorsEmitter,
];

/** Emitters of files that belong to the package as a whole (see {@link VERSION_EMITTERS}). */
export const PACKAGE_EMITTERS: readonly PackageEmitter[] = [entriesEmitter, packageFilesEmitter, smokeTestEmitter];
