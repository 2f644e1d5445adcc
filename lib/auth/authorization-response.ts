import { OAuthFlowError } from './auth-errors';
import type { PendingAuthorization } from './oauth-store';

const STEP = 'authorization-response';

/**
 * Reads the code from the URL the authorization server redirected to, after the checks the SDK
 * leaves to the client: the `state` must be the one we sent (CSRF), and `iss` (RFC 9207) must
 * name the server we asked — present and equal, or absent only when the server does not promise
 * it — so a mix-up attacker's code is never redeemed.
 */
export function codeFromAuthorizationResponse(redirectedTo: URL, pending: PendingAuthorization | null): string {
  const params = redirectedTo.searchParams;
  if (pending === null) throw new OAuthFlowError('state-mismatch', STEP, 'An authorization response arrived, but no sign-in was in progress.');
  if (params.get('state') !== pending.state) {
    throw new OAuthFlowError('state-mismatch', STEP, 'The authorization response carries a different state than the request: refused (possible CSRF).');
  }
  const iss = params.get('iss');
  if (iss !== null && !issuerMatches(iss, pending)) {
    const expected = pending.metadataIssuer ?? fallbackIssuer(pending) ?? '(unknown)';
    throw new OAuthFlowError('issuer-mismatch', STEP, `The authorization response came from issuer "${iss}", not "${expected}": refused (RFC 9207).`);
  }
  if (iss === null && pending.issRequired) {
    throw new OAuthFlowError('issuer-mismatch', STEP, 'The server promises an iss parameter (RFC 9207) but the response has none: refused.');
  }
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    throw new OAuthFlowError('authorization-denied', STEP, `The authorization server answered "${error}"${description ? `: ${description}` : ''}.`);
  }
  const code = params.get('code');
  if (!code) throw new OAuthFlowError('missing-code', STEP, 'The authorization response has no code.');
  return code;
}

/**
 * RFC 9207: `iss` equals the metadata's `issuer`, compared as strings. Without metadata (the
 * 2025-03-26 fallback to default endpoints) the issuer is the authorization server's origin.
 */
function issuerMatches(iss: string, pending: PendingAuthorization): boolean {
  if (pending.metadataIssuer !== null) return iss === pending.metadataIssuer;
  const fallback = fallbackIssuer(pending);
  return fallback !== null && iss.replace(/\/$/, '') === fallback;
}

function fallbackIssuer(pending: PendingAuthorization): string | null {
  return pending.authorizationServerUrl !== null && URL.canParse(pending.authorizationServerUrl) ? new URL(pending.authorizationServerUrl).origin : null;
}
