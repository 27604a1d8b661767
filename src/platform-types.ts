/**
 * The WebCrypto names the public types mention (`options.crypto: Crypto`, keys in the test-certificate builder), declared
 * here so that a TypeScript consumer compiles against this package with node's types alone (`types: ["node"]`, no DOM
 * library), whose globals lack them. Where the consumer has lib.dom, these merge with its declarations and change
 * nothing.
 */
declare global {
  // Empty on purpose: merged with lib.dom's declarations where they exist.
  interface Crypto {}
  interface CryptoKey {}
}

/** A WebCrypto implementation: `globalThis.crypto` (node ≥ 20, browsers) or `new (await import('@peculiar/webcrypto')).Crypto()`. */
export type WebCrypto = Crypto;
