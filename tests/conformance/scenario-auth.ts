import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { z } from 'zod';
import type { AuthStep } from '../../lib/contract/auth-step';
import { createConnectorOAuthProvider } from '../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../lib/auth/fetch-authorization-adapter';
import { createMachineOAuthProvider } from '../../lib/auth/machine-oauth-provider';
import { memoryArea, OAuthStore } from '../../lib/auth/oauth-store';
import type { Authorize } from '../../lib/auth/with-authorization-retry';

/** The suite's `basic-cimd` checks that the client id is exactly this URL. */
export const CIMD_CLIENT_METADATA_URL = 'https://conformance-test.local/client-metadata.json';

/** Any redirect URI will do: the suite's authorization servers redirect at once, nothing listens there. */
const REDIRECT_URL = 'http://localhost:3000/callback';

/** What the suite passes in `MCP_CONFORMANCE_CONTEXT` for the scenarios that need credentials. */
const ContextSchema = z.looseObject({
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  private_key_pem: z.string().optional(),
  signing_algorithm: z.string().optional(),
});

/** The OAuth side of one scenario run: the same lib/auth code as the extension, with the fetch adapter. */
export interface ScenarioAuth {
  authProvider: OAuthClientProvider;
  authorize: Authorize;
}

/**
 * Builds the provider a scenario needs: client credentials (secret or private key) for the
 * machine scenarios, the user's pre-registered client for `pre-registration`, and otherwise the
 * connector provider with a CIMD URL (used where the server supports it, else DCR).
 */
export function scenarioAuth(scenario: string, serverUrl: string, rawContext: Record<string, unknown> | null, log: (step: AuthStep) => void): ScenarioAuth {
  const context = ContextSchema.parse(rawContext ?? {});
  const adapter = createFetchAuthorizationAdapter({ redirectUrl: REDIRECT_URL });
  const authorize: Authorize = (url) => adapter.authorize(url);
  if (scenario.startsWith('auth/client-credentials-')) {
    if (context.client_id === undefined) throw new Error(`${scenario} needs client_id in MCP_CONFORMANCE_CONTEXT.`);
    const authProvider = createMachineOAuthProvider({
      clientId: context.client_id,
      clientSecret: context.client_secret,
      privateKeyPem: context.private_key_pem,
      algorithm: context.signing_algorithm,
    });
    return { authProvider, authorize };
  }
  const preRegistered = scenario === 'auth/pre-registration';
  const authProvider = createConnectorOAuthProvider({
    connectorId: 'conformance',
    serverUrl,
    store: new OAuthStore(memoryArea()),
    adapter,
    clientId: preRegistered ? context.client_id : undefined,
    clientSecret: preRegistered ? context.client_secret : undefined,
    clientMetadataUrl: preRegistered ? undefined : CIMD_CLIENT_METADATA_URL,
    onStep: log,
  });
  return { authProvider, authorize };
}
