import { useState } from 'react';
import type { ConnectorRow } from '@/lib/db/rows';
import { checkConnectorDraft, DEFAULT_TOTAL_TIMEOUT_SECONDS, type ConnectorDraft } from '@/lib/contract/connector-draft';
import { movedSecretsMessage, storedSecretsVerdict } from '@/lib/contract/secrets-follow-origin';

/** A new connector's starting values, or an existing one's (secrets never come back: left empty). */
function initialDraft(row?: ConnectorRow, preset?: Partial<ConnectorDraft>): ConnectorDraft {
  if (!row) {
    return { label: '', url: '', transport: 'auto', auth: 'none', token: '', headers: '', timeoutSeconds: 120, totalTimeoutSeconds: DEFAULT_TOTAL_TIMEOUT_SECONDS, omitOrigin: false, askAlways: false, ...preset };
  }
  return {
    id: row.id,
    label: row.label,
    url: row.url,
    transport: row.transport,
    auth: row.auth,
    token: '',
    headers: '',
    timeoutSeconds: Math.round(row.timeoutMs / 1000),
    totalTimeoutSeconds: Math.round((row.maxTotalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_SECONDS * 1000) / 1000),
    omitOrigin: row.omitOrigin,
    askAlways: row.askAlways ?? false,
  };
}

/** The connector form's values and checks, shared with the background's own validation. */
export function useConnectorDraft(otherLabels: readonly string[], row?: ConnectorRow, preset?: Partial<ConnectorDraft>) {
  const [draft, setDraft] = useState(() => initialDraft(row, preset));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const stored = storedSecretsVerdict(row, draft);
  const secretsStored = stored.kept;
  const check = checkConnectorDraft(draft, otherLabels, secretsStored, stored.movedFrom);
  // Shown as soon as the URL moves, not only after Save: the user sees why the field is empty again.
  const movedNotice = stored.movedFrom && (draft.auth === 'bearer' || draft.auth === 'headers') ? movedSecretsMessage(draft.auth, stored.movedFrom, draft.url) : null;
  const errors = { ...(submitted ? check.errors : {}), ...serverErrors };

  return {
    draft,
    errors: errors as Partial<Record<keyof ConnectorDraft, string>>,
    warnings: check.warnings,
    secretsStored,
    movedNotice,
    valid: Object.keys(check.errors).length === 0,
    update(patch: Partial<ConnectorDraft>) {
      setServerErrors({});
      setDraft((current) => ({ ...current, ...patch }));
    },
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
  };
}
