import type { AuthorizationServerMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import { OAuthFlowError } from './auth-errors';

/**
 * OAuth 2.1 / MCP: no S256 in the metadata means no PKCE, and then no authorization. Only the
 * 2025-03-26 fallback (no metadata at all) proceeds on the spec's default endpoints.
 */
export function assertS256(metadata: AuthorizationServerMetadata | undefined): void {
  if (!metadata || metadata.code_challenge_methods_supported?.includes('S256')) return;
  const reason = `The authorization server does not advertise PKCE S256 (code_challenge_methods_supported: ${JSON.stringify(metadata.code_challenge_methods_supported ?? null)}); Patchbay will not sign in without it.`;
  throw new OAuthFlowError('pkce-unsupported', 'authorization-request', reason);
}
