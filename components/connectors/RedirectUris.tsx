import { useMemo } from 'react';
import { oauthRedirectUris } from '@/lib/auth/identity-authorization-adapter';

/**
 * The redirect URI(s) a user must register with a pre-registered client or put in a client
 * metadata document: without them a server cannot send the sign-in back to Patchbay.
 */
export function RedirectUris() {
  const uris = useMemo(() => oauthRedirectUris(), []);
  return (
    <div className="stack small" role="group" aria-label="Redirect URIs">
      <span className="muted">Redirect URI{uris.length > 1 ? 's' : ''} to register with a pre-registered client or a client metadata document:</span>
      {uris.map((uri) => (
        <code key={uri} className="copyable">
          {uri}
        </code>
      ))}
    </div>
  );
}
