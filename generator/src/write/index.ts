export { type WriteResult, writePackage } from "./atomic.js";
export { diffPackage, type FileDifference, readIfExists } from "./diff.js";
export { assertRealInside, checkRelativePath, insidePackage, UnsafePathError } from "./paths.js";
