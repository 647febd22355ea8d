// @ts-nocheck
export { paginate, type Paginated, type PaginateOptions, type PaginatorInvoke } from "./paginate.js";
export { PaginationError, isPaginationError } from "./errors.js";
