/**
 * JWT algorithms the SDK's `PrivateKeyJwtProvider` signs with from a PKCS#8 PEM key (through
 * jose's `importPKCS8`): RSA, RSA-PSS and EC. HMAC needs a shared secret, not a key: not offered.
 */
export const KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

/** The usual algorithm for an RSA key, the commonest kind of client key. */
export const DEFAULT_KEY_ALGORITHM: KeyAlgorithm = 'RS256';
