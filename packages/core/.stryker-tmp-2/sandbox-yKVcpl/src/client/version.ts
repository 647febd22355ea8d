// @ts-nocheck
import pkg from "../../package.json" with { type: "json" };

/** `X-TC-RequestClient` value: lets Tencent Cloud tell this SDK's traffic apart in support cases. */
export const REQUEST_CLIENT = `tc-sdk-ts/${pkg.version}`;
