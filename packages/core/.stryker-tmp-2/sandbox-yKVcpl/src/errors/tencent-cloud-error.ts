// @ts-nocheck
import { brand } from "./brand.js";
import { SdkError, type SdkErrorOptions } from "./sdk-error.js";

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
 * The service answered with `Response.Error`. `C` narrows `code` to the codes an action may return,
 * so `switch (err.code)` is checked by the compiler; codes outside the spec still arrive as strings.
 */
export class TencentCloudError<C extends string = string> extends SdkError {
  /** Error code, e.g. `ResourceNotFound.InstanceNotExists`. */
  readonly code: C;
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
