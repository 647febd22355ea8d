// @ts-nocheck
export { signTc3, computeTc3Signature, utcDate, type Tc3SignInput, type Tc3Signature, type Tc3Headers } from "./tc3.js";
export { SigningKeyCache, deriveSigningKey } from "./key-cache.js";
