export { writePackage, type WriteResult } from "./atomic.js";
export { diffPackage, readIfExists, type FileDifference } from "./diff.js";
export { assertRealInside, checkRelativePath, insidePackage, UnsafePathError } from "./paths.js";
export { formatGenerated } from "./format.js";
