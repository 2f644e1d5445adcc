import { OAuthFlowError } from './auth-errors';

/**
 * Two authorization server identifiers name the same server: compared as parsed URLs (so case of
 * scheme and host and a default port do not matter), tolerating one trailing `/`
 * (`String(new URL(…))` adds it, advertised values often lack it). Nothing looser.
 */
export function sameIssuer(a: string, b: string): boolean {
  const norm = (value: string) => (URL.canParse(value) ? new URL(value).href : value);
  const [x, y] = [norm(a), norm(b)];
  return x === y || x === `${y}/` || y === `${x}/`;
}

/**
 * RFC 8414 §3.3: the metadata's `issuer` must be the identifier it was fetched for. A server that
 * answers for another issuer (a mix-up, or an attacker's document) is not trusted with a sign-in.
 * One tolerance: a path-based identifier (`https://auth.example/tenant1`) whose document names
 * its own origin as issuer, as many servers (and the official conformance suite) publish it;
 * another origin, or another path, is refused.
 */
export function assertMetadataIssuer(authorizationServerUrl: string, metadata: { issuer?: unknown } | undefined): void {
  if (metadata === undefined) return;
  const issuer = metadata.issuer;
  const ownOrigin = URL.canParse(authorizationServerUrl) ? new URL(authorizationServerUrl).origin : null;
  if (typeof issuer === 'string' && (sameIssuer(issuer, authorizationServerUrl) || (ownOrigin !== null && sameIssuer(issuer, ownOrigin)))) return;
  throw new OAuthFlowError(
    'issuer-mismatch',
    'discovery',
    `The authorization server metadata fetched for ${authorizationServerUrl} names the issuer ${JSON.stringify(issuer ?? null)}; they must be the same (RFC 8414), so Patchbay does not sign in there.`,
  );
}

/**
 * A client the user registered by hand belongs to one authorization server: its id and secret are
 * never presented to another, even when the MCP server now names one.
 */
export function assertClientIssuer(clientId: string, boundIssuer: string | undefined, currentIssuer: string | undefined): void {
  if (boundIssuer === undefined || currentIssuer === undefined || sameIssuer(boundIssuer, currentIssuer)) return;
  throw new OAuthFlowError(
    'issuer-mismatch',
    'client-registration',
    `The client ${clientId} you registered belongs to ${boundIssuer}, but the server now sends sign-in to ${currentIssuer}. Patchbay does not present your client there; if the server really moved, enter the client registered with ${currentIssuer} in the connector's settings.`,
  );
}
