// @ts-nocheck
export { TokenBucket, type TokenBucketOptions } from "./token-bucket.js";
