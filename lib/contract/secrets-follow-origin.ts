import type { AuthKind } from './connector-kinds';
import type { ConnectorDraft } from './connector-draft';

/**
 * Whether an edit may keep a connector's stored credentials. They belong to the server they were
 * entered for: a different kind of authentication never keeps them, and a token or custom
 * headers never follow the URL to another origin (a typo or a pasted link would hand them to a
 * stranger). `movedFrom` names the old origin when that is why they were not kept.
 */
export interface StoredSecretsVerdict {
  kept: boolean;
  movedFrom: string | null;
}

export function storedSecretsVerdict(row: { url: string; auth: AuthKind } | undefined, draft: Pick<ConnectorDraft, 'url' | 'auth'>): StoredSecretsVerdict {
  if (row === undefined || row.auth !== draft.auth) return { kept: false, movedFrom: null };
  if (draft.auth !== 'bearer' && draft.auth !== 'headers') return { kept: true, movedFrom: null };
  const before = originOf(row.url);
  const after = originOf(draft.url);
  // A URL still being typed (not parseable yet) decides nothing; the URL check reports it.
  if (before === null || after === null || before === after) return { kept: true, movedFrom: null };
  return { kept: false, movedFrom: before };
}

/** What the form says when the stored token or headers stay behind with the old origin. */
export function movedSecretsMessage(auth: 'bearer' | 'headers', from: string, toUrl: string): string {
  const what = auth === 'bearer' ? 'token' : 'headers';
  return `The URL now points to ${originOf(toUrl) ?? toUrl}, another server than ${from}: the saved ${what} ${auth === 'bearer' ? 'stays' : 'stay'} with ${from} and will be deleted. Enter the ${what} for the new server.`;
}

function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}
