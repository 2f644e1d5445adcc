import { z } from 'zod';
import { isLoopbackHost } from './loopback';
import { AuthKindSchema, TransportKindSchema } from './connector-kinds';
import { checkOAuthExtras, ConnectorOAuthExtrasSchema, type OAuthExtrasErrors } from './connector-oauth-draft';
import { movedSecretsMessage } from './secrets-follow-origin';

/** Request headers a page cannot set, or that would break the protocol if the user did. */
const RESERVED_HEADERS = new Set([
  'accept',
  'content-type',
  'content-length',
  'host',
  'origin',
  'cookie',
  'connection',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What the connector form submits, secrets included; the background splits off the secrets. */
export const ConnectorDraftSchema = z.object({
  id: z.string().optional(),
  label: z.string().trim(),
  url: z.string().trim(),
  transport: TransportKindSchema,
  auth: AuthKindSchema,
  token: z.string().trim().optional(),
  headers: z.string().optional(),
  /** OAuth: a pre-registered client, for servers without dynamic registration. Optional. */
  oauthClientId: z.string().trim().optional(),
  oauthClientSecret: z.string().trim().optional(),
  /** OAuth: scopes to ask for instead of those the server suggests. */
  oauthScopes: z.string().trim().optional(),
  /** OAuth: a user signs in (authorization code), or the connector is a machine (client credentials). */
  oauthGrant: z.enum(['authorization_code', 'client_credentials']).optional(),
  /** OAuth, machine connectors: the only authorization server their credentials may be sent to. */
  oauthIssuer: z.string().trim().optional(),
  timeoutSeconds: z.number().int().min(1).max(3600),
  /** The total limit of one call, however often the server reports progress; absent keeps the stored one. */
  totalTimeoutSeconds: z.number().optional(),
  omitOrigin: z.boolean(),
  /** "Ask before every tool": a card even for tools that claim `readOnlyHint` (absent means false). */
  askAlways: z.boolean().optional(),
  ...ConnectorOAuthExtrasSchema.shape,
});
export type ConnectorDraft = z.infer<typeof ConnectorDraftSchema>;

/** Field-level problems the form shows next to each field; `warnings` do not block saving. */
export interface DraftCheck {
  errors: Partial<Record<'label' | 'url' | 'token' | 'headers' | 'timeoutSeconds' | 'totalTimeoutSeconds' | 'oauthClientId' | 'oauthClientSecret' | 'oauthIssuer', string>> & OAuthExtrasErrors;
  warnings: string[];
}

/** `Name: value` per line, blank lines ignored. */
export function parseHeaderLines(text: string): { headers: Record<string, string>; error: string | null } {
  const headers: Record<string, string> = {};
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  for (const [index, line] of lines.entries()) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) return { headers, error: `Line ${index + 1}: write each header as "Name: value".` };
    if (RESERVED_HEADERS.has(name.toLowerCase())) return { headers, error: `Line ${index + 1}: ${name} is set by Patchbay itself.` };
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, error: null };
}


/**
 * Checks a draft the same way in the form (as the user types) and in the background (before
 * anything is stored). `otherLabels` are the names of the other connectors; `secretsStored` says
 * an edit may leave the token or headers empty to keep the stored ones; `movedFrom` is the old
 * origin when they were not kept because the URL moved (see `storedSecretsVerdict`).
 */
export function checkConnectorDraft(draft: ConnectorDraft, otherLabels: readonly string[], secretsStored = false, movedFrom: string | null = null): DraftCheck {
  const errors: DraftCheck['errors'] = {};
  const warnings: string[] = [];
  if (!draft.label) errors.label = 'Give the connector a name.';
  else if (otherLabels.some((l) => l.toLowerCase() === draft.label.toLowerCase())) {
    errors.label = `A connector named “${draft.label}” already exists.`;
  }
  const url = URL.canParse(draft.url) ? new URL(draft.url) : null;
  if (!draft.url) errors.url = 'Enter the server’s URL, for example http://localhost:3001/mcp.';
  else if (!url) errors.url = 'This is not a valid URL. Include the scheme: https://…';
  else if (url.protocol !== 'http:' && url.protocol !== 'https:') errors.url = 'Only http:// and https:// servers are supported.';
  else if (url.username || url.password) errors.url = 'Put credentials in Authentication, not in the URL.';
  else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push(`Plain http:// to ${url.hostname} is not encrypted: anyone on the network can read the traffic and any token.`);
  }
  // An empty token clears the stored one, which would leave a bearer connector with none.
  if (draft.auth === 'bearer' && (draft.token === '' || (!draft.token && !secretsStored))) errors.token = movedFrom ? movedSecretsMessage('bearer', movedFrom, draft.url) : 'Paste the bearer token.';
  if (draft.auth === 'headers' && movedFrom && !draft.headers?.trim()) errors.headers = movedSecretsMessage('headers', movedFrom, draft.url);
  if (draft.auth === 'headers' && (draft.headers?.trim() || !secretsStored)) {
    const parsed = parseHeaderLines(draft.headers ?? '');
    if (parsed.error) errors.headers = parsed.error;
    else if (Object.keys(parsed.headers).length === 0) errors.headers ??= 'Add at least one header, as "Name: value".';
  }
  if (draft.auth === 'oauth' && draft.oauthGrant === 'client_credentials' && !secretsStored) {
    if (!draft.oauthClientId) errors.oauthClientId = 'A machine connector needs its client ID.';
    // A private key (private_key_jwt) stands in for the secret.
    if (!draft.oauthClientSecret && !draft.oauthPrivateKey) errors.oauthClientSecret = 'A machine connector needs its client secret or a private key.';
  }
  if (draft.auth === 'oauth' && draft.oauthGrant === 'client_credentials' && (draft.oauthIssuer || !secretsStored)) {
    const issuer = URL.canParse(draft.oauthIssuer ?? '') ? new URL(draft.oauthIssuer!) : null;
    if (!issuer) errors.oauthIssuer = 'Enter the authorization server’s issuer URL: the client secret is sent only there.';
    else if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname))) {
      errors.oauthIssuer = 'The issuer must be https:// (or http:// on this machine).';
    }
  }
  const total = checkTotalTimeout(draft);
  if (total) errors.totalTimeoutSeconds = total;
  Object.assign(errors, checkOAuthExtras(draft));
  return { errors, warnings };
}

/** A tool call's total limit when the connector sets none: 10 minutes. */
export const DEFAULT_TOTAL_TIMEOUT_SECONDS = 600;
/** The longest total limit the form takes: one day. */
export const MAX_TOTAL_TIMEOUT_SECONDS = 86_400;

/** A whole number of seconds, no shorter than the per-call timeout it bounds. */
function checkTotalTimeout({ totalTimeoutSeconds: total, timeoutSeconds }: ConnectorDraft): string | null {
  if (total === undefined) return null;
  if (!Number.isInteger(total) || total < 1 || total > MAX_TOTAL_TIMEOUT_SECONDS) return `Enter whole seconds from 1 to ${MAX_TOTAL_TIMEOUT_SECONDS} (a day).`;
  if (total < timeoutSeconds) return `The total limit cannot be shorter than the timeout (${timeoutSeconds} s).`;
  return null;
}
