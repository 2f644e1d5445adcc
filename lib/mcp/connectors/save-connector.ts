import type { ConnectorsRepository } from '../../db/repositories/connectors-repository';
import type { ConnectorRow } from '../../db/rows';
import { checkConnectorDraft, parseHeaderLines, type ConnectorDraft, type DraftCheck } from '../../contract/connector-draft';
import { checkOAuthExtras, type ConnectorOAuthExtras, type OAuthExtrasErrors } from '../../contract/connector-oauth-draft';
import type { ConnectorSecrets, ConnectorSecretsStore } from './connector-secrets';
import { DEFAULT_MAX_TOTAL_TIMEOUT_MS } from '../session/tool-call-deadline';
import { storedSecretsVerdict } from '../../contract/secrets-follow-origin';

/** The saved connector's id, or the field errors that stopped the save (nothing stored then). */
export type SaveConnectorResult = { ok: true; id: string; warnings: string[] } | { ok: false; errors: DraftCheck['errors'] & OAuthExtrasErrors };

/** The form's draft, with the extra OAuth fields when the form sends them. */
export type SavableDraft = ConnectorDraft & Partial<ConnectorOAuthExtras>;

/**
 * Validates a draft against the other connectors, then stores the row and, separately, its
 * secrets. On edit, a secret field left out (`undefined`) keeps the stored value and an empty
 * one (`''`) clears it (the headers field, which cannot be empty, keeps them when blank); a
 * change of URL or transport forgets the old session, which belongs to the old server, and a
 * token or headers never follow the URL to another origin: the user enters them again.
 */
export async function saveConnector(draft: SavableDraft, connectors: ConnectorsRepository, secrets: ConnectorSecretsStore): Promise<SaveConnectorResult> {
  const { rows: all, corrupt } = await connectors.survey();
  const existing = draft.id ? all.find((row) => row.id === draft.id) : undefined;
  const stored = storedSecretsVerdict(existing, draft);
  const editingSecretsKept = stored.kept;
  // A quarantined row still holds its label in the unique index: its name is taken until it is removed.
  const otherLabels = [...all.filter((row) => row.id !== draft.id).map((row) => row.label), ...corrupt.flatMap((entry) => (entry.label === null ? [] : [entry.label]))];
  const check = checkConnectorDraft(draft, otherLabels, editingSecretsKept, stored.movedFrom);
  const errors = { ...check.errors, ...checkOAuthExtras(draft) };
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // Only the form's fields are written, into the row as stored at that moment: tool switches
  // flipped or a tool list stored while this save ran are kept.
  const edit = (stored: ConnectorRow | undefined): Partial<ConnectorRow> => ({
    label: draft.label,
    url: draft.url,
    transport: draft.transport,
    auth: draft.auth,
    timeoutMs: draft.timeoutSeconds * 1_000,
    maxTotalTimeoutMs: draft.totalTimeoutSeconds !== undefined ? draft.totalTimeoutSeconds * 1_000 : (existing?.maxTotalTimeoutMs ?? DEFAULT_MAX_TOTAL_TIMEOUT_MS),
    omitOrigin: draft.omitOrigin,
    // A form that does not send the switch keeps what the row says.
    askAlways: draft.askAlways ?? stored?.askAlways ?? false,
    ...(stored && stored.url === draft.url && stored.transport === draft.transport ? {} : { sessionId: null, protocolVersion: null, transportUsed: null }),
  });
  const id = existing?.id ?? crypto.randomUUID();
  if (existing) {
    if (!(await connectors.updateWith(id, edit))) return { ok: false, errors: { label: 'This connector was removed while it was being saved.' } };
  } else {
    await connectors.put({ ...newConnectorRow(id, Date.now()), ...edit(undefined) });
  }
  await secrets.write(id, await nextSecrets(draft, id, secrets, editingSecretsKept));
  return { ok: true, id, warnings: check.warnings };
}

async function nextSecrets(draft: SavableDraft, id: string, secrets: ConnectorSecretsStore, keep: boolean): Promise<ConnectorSecrets> {
  const stored = keep ? await secrets.read(id) : {};
  switch (draft.auth) {
    case 'bearer':
      return { token: kept(draft.token, stored.token) };
    case 'headers':
      return { headers: draft.headers?.trim() ? parseHeaderLines(draft.headers).headers : stored.headers };
    case 'oauth': {
      const before = stored.oauth ?? {};
      return {
        oauth: {
          clientId: kept(draft.oauthClientId, before.clientId),
          clientSecret: kept(draft.oauthClientSecret, before.clientSecret),
          scopes: kept(draft.oauthScopes, before.scopes),
          grant: draft.oauthGrant ?? before.grant,
          issuer: kept(draft.oauthIssuer, anotherUserClient(draft, before) ? undefined : before.issuer),
          clientMetadataUrl: kept(draft.oauthClientMetadataUrl, before.clientMetadataUrl),
          privateKeyPem: kept(draft.oauthPrivateKey, before.privateKeyPem),
          keyAlgorithm: draft.oauthKeyAlgorithm ?? before.keyAlgorithm,
        },
      };
    }
    case 'none':
      return {};
  }
}

/**
 * A sign-in client the user replaced: the issuer stored for the old one was its binding (learnt at
 * its first sign-in), not the new one's. A machine connector's issuer is the user's own setting.
 */
function anotherUserClient(draft: SavableDraft, stored: NonNullable<ConnectorSecrets['oauth']>): boolean {
  const grant = draft.oauthGrant ?? stored.grant;
  return grant !== 'client_credentials' && draft.oauthClientId !== undefined && draft.oauthClientId !== stored.clientId;
}

/** A field the form left out keeps the stored value; an empty one clears it. */
function kept(value: string | undefined, stored: string | undefined): string | undefined {
  if (value === undefined) return stored;
  return value === '' ? undefined : value;
}

/** A connector row with nothing learned yet: no tools, no session, the default timeout. */
export function newConnectorRow(id: string, now: number): ConnectorRow {
  return {
    id,
    label: '',
    url: '',
    transport: 'auto',
    auth: 'none',
    enabledTools: [],
    tools: [],
    toolsFetchedAt: null,
    toolFingerprints: {},
    sessionId: null,
    protocolVersion: null,
    transportUsed: null,
    serverInfo: null,
    capabilities: null,
    toolChanges: null,
    timeoutMs: 120_000,
    omitOrigin: false,
    createdAt: now,
    updatedAt: now,
  };
}
