import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { ClientCredentialsProvider, PrivateKeyJwtProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { assertMetadataIssuer } from './issuer-guard';

export interface MachineOAuthOptions {
  clientId: string;
  /** `client_secret_basic` authentication. */
  clientSecret?: string;
  /** `private_key_jwt` authentication (RFC 7523), preferred when given. */
  privateKeyPem?: string;
  /** The JWT signing algorithm for the key, e.g. `ES256`. */
  algorithm?: string;
  scope?: string;
  /** The authorization server the credentials may go to; without it the MCP server would choose. */
  expectedIssuer?: string;
}

/**
 * A provider for machine connectors (client credentials grant, no user, no window): the SDK's
 * own providers, chosen by the credentials the connector holds, refusing metadata whose `issuer`
 * is not the server it was fetched from (the SDK does not check).
 */
export function createMachineOAuthProvider(options: MachineOAuthOptions): OAuthClientProvider {
  const provider = sdkProvider(options);
  provider.saveDiscoveryState = (state) => assertMetadataIssuer(state.authorizationServerUrl, state.authorizationServerMetadata);
  return provider;
}

function sdkProvider(options: MachineOAuthOptions): OAuthClientProvider {
  if (options.privateKeyPem !== undefined) {
    return new PrivateKeyJwtProvider({ clientId: options.clientId, privateKey: options.privateKeyPem, algorithm: options.algorithm ?? 'ES256', scope: options.scope, expectedIssuer: options.expectedIssuer });
  }
  if (options.clientSecret === undefined) throw new Error('A client credentials connector needs a client secret or a private key.');
  return new ClientCredentialsProvider({ clientId: options.clientId, clientSecret: options.clientSecret, scope: options.scope, expectedIssuer: options.expectedIssuer });
}
