import { createHmac } from "node:crypto";

/**
 * Derived TC3 signing keys by (secret key, date, service). Deriving costs three HMACs; a busy client
 * signs thousands of calls a day with one key, so the result is kept. Bounded: the oldest entry goes
 * when full, which only matters for processes juggling many keys.
 */
export class SigningKeyCache {
  readonly #keys = new Map<string, Buffer>();
  readonly #maxEntries: number;
  // The last key handed out: nearly every call of a client signs with the same key, date and service,
  // and comparing three strings costs a twentieth of building the map key and hashing it.
  #lastSecretKey: string | undefined;
  #lastDate = "";
  #lastService = "";
  #lastKey: Buffer | undefined;

  /** @param maxEntries Entries kept before the oldest is dropped, default 32. */
  constructor(maxEntries = 32) {
    this.#maxEntries = Math.max(1, maxEntries);
  }

  /** The signing key for `secretKey` on UTC `date` (YYYY-MM-DD) for `service`. */
  get(secretKey: string, date: string, service: string): Buffer {
    if (secretKey === this.#lastSecretKey && date === this.#lastDate && service === this.#lastService) {
      return this.#lastKey!;
    }
    const id = `${date}\n${service}\n${secretKey}`;
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = deriveSigningKey(secretKey, date, service);
      if (this.#keys.size >= this.#maxEntries) this.#keys.delete(this.#keys.keys().next().value!);
      this.#keys.set(id, key);
    }
    this.#lastSecretKey = secretKey;
    this.#lastDate = date;
    this.#lastService = service;
    this.#lastKey = key;
    return key;
  }

  /** Entries currently held. */
  get size(): number {
    return this.#keys.size;
  }
}

/** HMAC chain of the TC3 spec: date → service → `tc3_request`. */
export function deriveSigningKey(secretKey: string, date: string, service: string): Buffer {
  const secretDate = createHmac("sha256", `TC3${secretKey}`).update(date).digest();
  const secretService = createHmac("sha256", secretDate).update(service).digest();
  return createHmac("sha256", secretService).update("tc3_request").digest();
}
