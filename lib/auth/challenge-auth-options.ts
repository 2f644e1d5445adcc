import type { ConnectorOAuthProvider } from './connector-oauth-types';

/**
 * What the server's last 401/403 said, as options for the SDK's `auth()`: its resource metadata
 * may live only at the URL it named, and the scope it asked for comes before `scopes_supported`.
 */
export async function challengeAuthOptions(provider: ConnectorOAuthProvider): Promise<{ scope?: string; resourceMetadataUrl?: URL }> {
  const challenge = await provider.lastChallenge();
  return {
    scope: challenge?.scope,
    resourceMetadataUrl: challenge?.resourceMetadataUrl ? new URL(challenge.resourceMetadataUrl) : undefined,
  };
}
