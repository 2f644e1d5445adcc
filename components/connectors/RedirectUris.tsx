import { useCommandQuery } from '../app/useCommandQuery';
import { errorText } from '../ui/error-text';

/**
 * The redirect URI(s) a user must register with a pre-registered client or put in a client
 * metadata document: without them a server cannot send the sign-in back to Patchbay. The
 * background reads them from the identity API.
 */
export function RedirectUris() {
  const query = useCommandQuery('connectors.redirectUris', {});
  return (
    <RedirectUriList uris={query.status === 'ready' ? query.data.uris : []} failure={query.status === 'failed' ? errorText(query.error) : null} />
  );
}

/** The URIs as the form lists them, once the background has answered. */
export function RedirectUriList({ uris, failure = null }: { uris: readonly string[]; failure?: string | null }) {
  return (
    <div className="stack small" role="group" aria-label="Redirect URIs">
      <span className="muted">Redirect URI{uris.length > 1 ? 's' : ''} to register with a pre-registered client or a client metadata document:</span>
      {failure !== null && <span role="alert">{failure}</span>}
      {uris.map((uri) => (
        <code key={uri} className="copyable">
          {uri}
        </code>
      ))}
    </div>
  );
}
