import { z } from 'zod';
import { KEY_ALGORITHMS } from './key-algorithms';

/**
 * The connector form's OAuth fields beyond client id / secret / scopes: a Client ID Metadata
 * Document URL for user sign-in, and a private key for machine connectors (`private_key_jwt`).
 * Kept apart from the base draft so the checks live next to the fields; the draft schema spreads
 * {@link ConnectorOAuthExtrasSchema}'s shape in.
 */
export const ConnectorOAuthExtrasSchema = z.object({
  /** https URL (with a path) of this client's metadata document; used where the server supports CIMD. */
  oauthClientMetadataUrl: z.string().trim().optional(),
  /** PEM (PKCS#8) private key; `''` clears a stored one, absent keeps it. */
  oauthPrivateKey: z.string().trim().optional(),
  oauthKeyAlgorithm: z.enum(KEY_ALGORITHMS).optional(),
});
export type ConnectorOAuthExtras = z.infer<typeof ConnectorOAuthExtrasSchema>;

/** Field errors for the extra OAuth fields, keyed like the draft's. */
export type OAuthExtrasErrors = Partial<Record<'oauthClientMetadataUrl' | 'oauthPrivateKey', string>>;

/** Checks the extra OAuth fields the same way in the form and before saving. */
export function checkOAuthExtras(draft: ConnectorOAuthExtras & { auth: string }): OAuthExtrasErrors {
  const errors: OAuthExtrasErrors = {};
  if (draft.auth !== 'oauth') return errors;
  if (draft.oauthClientMetadataUrl && !isClientMetadataUrl(draft.oauthClientMetadataUrl)) {
    errors.oauthClientMetadataUrl = 'The client metadata URL must be https:// with a path, e.g. https://example.com/client.json.';
  }
  if (draft.oauthPrivateKey && !/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/.test(draft.oauthPrivateKey)) {
    errors.oauthPrivateKey = 'Paste a PKCS#8 PEM key (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----).';
  }
  return errors;
}

/** What the SDK accepts as a URL-based client id: https, and a path other than `/`. */
export function isClientMetadataUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.pathname !== '/' && url.username === '' && url.password === '';
}
