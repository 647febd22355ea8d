/**
 * A 64-bit integer member (`int64` / `uint64` in the spec). Responses hold a `number` when the value
 * is a safe integer (|v| ≤ 2^53 − 1) and a `bigint` otherwise, so no id ever loses digits; requests
 * accept either.
 */
// @ts-nocheck

export type Int64 = number | bigint;

/** An unsigned 64-bit integer member; same representation as {@link Int64}. */
export type UInt64 = number | bigint;
