export { deriveSigningKey, SigningKeyCache } from "./key-cache.js";
export { computeTc3Signature, signTc3, type Tc3Headers, type Tc3Signature, type Tc3SignInput, utcDate } from "./tc3.js";
