import { useState } from 'react';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import type { ConnectorOAuthExtras } from '@/lib/contract/connector-oauth-draft';

/** The connector form's draft with the extra OAuth fields (CIMD URL, private key). */
export type FormDraft = ConnectorDraft & ConnectorOAuthExtras;

/** Fields whose stored value the form never shows: left empty they keep it, cleared they remove it. */
export const STORED_FIELDS = ['token', 'oauthClientId', 'oauthClientSecret', 'oauthScopes', 'oauthIssuer', 'oauthClientMetadataUrl', 'oauthPrivateKey'] as const;
export type StoredField = (typeof STORED_FIELDS)[number];

/**
 * Which stored values the user asked to remove. The background reads a field left out as "keep"
 * and an empty string as "clear", so the draft sent says exactly that.
 */
export function useStoredFieldClearing() {
  const [cleared, setCleared] = useState<ReadonlySet<StoredField>>(new Set());
  return {
    isCleared: (field: StoredField) => cleared.has(field),
    toggle(field: StoredField) {
      setCleared((current) => {
        const next = new Set(current);
        if (!next.delete(field)) next.add(field);
        return next;
      });
    },
    draftToSend: (draft: FormDraft) => draftToSend(draft, cleared),
  };
}

/** The draft to send: empty stored fields become "keep" (absent) unless cleared (`''`). */
export function draftToSend(draft: FormDraft, cleared: ReadonlySet<StoredField>): FormDraft {
  const sent: FormDraft = { ...draft };
  for (const field of STORED_FIELDS) if (!sent[field]) sent[field] = cleared.has(field) ? '' : undefined;
  return sent;
}

export type StoredFieldClearing = ReturnType<typeof useStoredFieldClearing>;
