// @ts-nocheck
import { brand } from "./brand.js";
import { SdkError } from "./sdk-error.js";

/**
 * Client options that cannot work, e.g. `intl` with a financial (`-fsi`) region or an endpoint with a
 * path. Thrown by the client constructor, before any call.
 */
export class ConfigurationError extends SdkError {
  constructor(message: string) {
    super(message);
  }
}
brand(ConfigurationError, "ConfigurationError");
