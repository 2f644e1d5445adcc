import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { ConnectorRow } from '../db/rows';
import { checkConnectorDraft, parseHeaderLines, type ConnectorDraft, type DraftCheck } from './connector-draft';
import type { ConnectorSecretsStore } from './connector-secrets';

/** The saved connector's id, or the field errors that stopped the save (nothing stored then). */
export type SaveConnectorResult = { ok: true; id: string; warnings: string[] } | { ok: false; errors: DraftCheck['errors'] };

/**
 * Validates a draft against the other connectors, then stores the row and, separately, its
 * secrets. On edit, an empty token or headers field keeps the stored one; a change of URL or
 * transport forgets the old session, which belongs to the old server.
 */
export async function saveConnector(draft: ConnectorDraft, connectors: ConnectorsRepository, secrets: ConnectorSecretsStore): Promise<SaveConnectorResult> {
  const all = await connectors.list();
  const existing = draft.id ? all.find((row) => row.id === draft.id) : undefined;
  const editingSecretsKept = existing !== undefined && existing.auth === draft.auth;
  const otherLabels = all.filter((row) => row.id !== draft.id).map((row) => row.label);
  const check = checkConnectorDraft(draft, otherLabels, editingSecretsKept);
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: check.errors };

  const now = Date.now();
  const sameServer = existing && existing.url === draft.url && existing.transport === draft.transport;
  const row: ConnectorRow = {
    ...(existing ?? newConnectorRow(crypto.randomUUID(), now)),
    label: draft.label,
    url: draft.url,
    transport: draft.transport,
    auth: draft.auth,
    timeoutMs: draft.timeoutSeconds * 1_000,
    omitOrigin: draft.omitOrigin,
    // A form that does not send the switch keeps what the row says.
    askAlways: draft.askAlways ?? existing?.askAlways ?? false,
    updatedAt: now,
    ...(sameServer ? {} : { sessionId: null, protocolVersion: null, transportUsed: null }),
  };
  await connectors.put(row);
  await secrets.write(row.id, await nextSecrets(draft, row.id, secrets, editingSecretsKept));
  return { ok: true, id: row.id, warnings: check.warnings };
}

async function nextSecrets(draft: ConnectorDraft, id: string, secrets: ConnectorSecretsStore, keep: boolean) {
  const stored = keep ? await secrets.read(id) : {};
  switch (draft.auth) {
    case 'bearer':
      return { token: draft.token || stored.token };
    case 'headers':
      return { headers: draft.headers?.trim() ? parseHeaderLines(draft.headers).headers : stored.headers };
    case 'oauth':
      return {
        oauth: {
          clientId: draft.oauthClientId || stored.oauth?.clientId,
          clientSecret: draft.oauthClientSecret || stored.oauth?.clientSecret,
          scopes: draft.oauthScopes || stored.oauth?.scopes,
          grant: draft.oauthGrant ?? stored.oauth?.grant,
          issuer: draft.oauthIssuer || stored.oauth?.issuer,
        },
      };
    case 'none':
      return {};
  }
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
