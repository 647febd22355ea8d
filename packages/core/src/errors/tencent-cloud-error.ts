import { brand } from "./brand.js";
import { SdkError, type SdkErrorOptions } from "./sdk-error.js";

/**
 * An error code that stays open: the known codes `C` (which editors still complete) or any other
 * string, because services add codes after a package was generated. Comparing with a code outside
 * `C` compiles; a `switch` over `C` cannot be exhaustive, by design.
 */
export type OpenErrorCode<C extends string> = C | (string & {});

/** Fields of an API error as the service returned it. */
export interface TencentCloudErrorInit<C extends string = string> extends SdkErrorOptions {
  /** Error code, e.g. `ResourceNotFound.InstanceNotExists`. */
  readonly code: C;
  /** Message from the service. */
  readonly message: string;
  /** `RequestId` of the failing attempt. */
  readonly requestId: string;
  /** HTTP status of the response (usually 200: the API reports errors in the body). */
  readonly httpStatus: number;
}

/**
 * The service answered with `Response.Error`. `C` names the codes an action is known to return, so
 * editors complete them on `err.code`; `code` stays open ({@link OpenErrorCode}) because a service may
 * return a code added after the package was generated, and comparing with it must compile.
 */
export class TencentCloudError<C extends string = string> extends SdkError {
  /** Error code, e.g. `ResourceNotFound.InstanceNotExists`: one of `C`, or a code newer than the spec. */
  readonly code: OpenErrorCode<C>;
  /** `RequestId` of the failing attempt: quote it to Tencent Cloud support. */
  readonly requestId: string;
  /** HTTP status of the response. */
  readonly httpStatus: number;

  constructor(init: TencentCloudErrorInit<C>) {
    super(init.message, init);
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
  }

  protected override details(): Record<string, unknown> {
    return { code: this.code, requestId: this.requestId, httpStatus: this.httpStatus };
  }
}
brand(TencentCloudError, "TencentCloudError");
