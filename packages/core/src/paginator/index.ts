export { isPaginationError, PaginationError } from "./errors.js";
export { type Paginated, type PaginateOptions, type PaginatorInvoke, paginate } from "./paginate.js";
