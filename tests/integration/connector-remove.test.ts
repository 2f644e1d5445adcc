import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchAuthorizationAdapter } from '@/lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '@/lib/auth/oauth-store';
import { createConnectorCommandHandlers } from '@/lib/background/connector-command-handlers';
import { HandRunJournal } from '@/lib/background/hand-run-journal';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories } from '@/lib/db/repositories';
import { ConnectorHub } from '@/lib/mcp/connector-hub';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { createConnectorAuth } from '@/lib/mcp/auth/create-connector-auth';
import { ProtocolLogWriter } from '@/lib/mcp/protocol-log/protocol-log-writer';
import type { SavableDraft } from '@/lib/mcp/connectors/save-connector';
import { startRevokingOAuthServer, type RevokingOAuthServer, type RevokingOAuthServerOptions } from '../fixtures/mcp-servers/revoking-oauth-server';
import { waitFor } from './connector-hub-harness';

const REDIRECT = 'https://ext.example/oauth';

/** The background's own wiring of removal: a real hub, real OAuth, the real log writer, over a real server. */
async function setup(serverOptions: RevokingOAuthServerOptions = {}) {
  const server = await startRevokingOAuthServer(serverOptions);
  const db: PatchbayDatabase = await openDatabase(`patchbay-remove-${randomUUID()}`);
  const repositories = createRepositories(db);
  const secrets = new ConnectorSecretsStore(memoryArea());
  const store = new OAuthStore(memoryArea());
  const log = new ProtocolLogWriter(repositories.protocolLog);
  const statuses = new Map<string, ConnectorStatus>();
  const hub = new ConnectorHub({
    connectors: repositories.connectors,
    secrets,
    fetch: (input, init) => fetch(input, init),
    hasHostPermission: async () => true,
    record: (id, event) => log.record(id, event),
    onStatus: (id, status) => void statuses.set(id, status),
    syncOriginRules: async () => undefined,
    auth: createConnectorAuth({ store, secrets, adapter: createFetchAuthorizationAdapter({ redirectUrl: REDIRECT }) }),
  });
  const handlers = createConnectorCommandHandlers({ hub, connectors: repositories.connectors, protocolLog: repositories.protocolLog, logWriter: log, secrets, audit: repositories.decisions, journal: new HandRunJournal(memoryArea()), broadcast: () => undefined });
  /** Saves an OAuth connector to the server, signs in through the real /authorize, and waits until connected. */
  const signedIn = async (extras: Partial<SavableDraft> = {}) => {
    const saved = await handlers['connectors.save']({ label: 'Acme', url: server.url, transport: 'streamable-http', auth: 'oauth', timeoutSeconds: 30, omitOrigin: false, ...extras });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    await waitFor(() => statuses.get(saved.id)?.state === 'needs-auth', 'needs sign-in');
    expect(await hub.signIn(saved.id)).toBe('signed-in');
    await waitFor(() => statuses.get(saved.id)?.state === 'connected', 'connected');
    const tokens = (await store.read(saved.id)).tokens?.tokens;
    if (!tokens?.refresh_token) throw new Error('No tokens after the sign-in.');
    return { id: saved.id, access: tokens.access_token, refresh: tokens.refresh_token };
  };
  const close = async () => {
    await hub.close();
    db.close();
    await server.close();
  };
  return { server, repositories, secrets, store, log, handlers, signedIn, close };
}

describe('removing a connector', () => {
  let harness: Awaited<ReturnType<typeof setup>> | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    vi.restoreAllMocks();
  });

  async function expectForgotten(id: string, server: RevokingOAuthServer) {
    const { repositories, secrets, store, log } = harness!;
    expect(await repositories.connectors.get(id)).toBeUndefined();
    expect(await secrets.read(id)).toEqual({});
    expect((await store.read(id)).tokens).toBeNull();
    expect((await store.read(id)).clients).toEqual({});
    await log.flush();
    expect((await repositories.protocolLog.all(id)).map((f) => [f.direction, f.method, f.httpStatus, JSON.stringify(f.frame).slice(0, 200)])).toEqual([]);
    expect(await repositories.protocolLog.stats(id)).toEqual({ connectorId: id, total: 0, dropped: 0 });
    expect(server).toBeDefined();
  }

  it('revokes its refresh and access tokens at the server (RFC 7009), then forgets them, its secrets and its frames', async () => {
    harness = await setup();
    const { id, access, refresh } = await harness.signedIn();
    const registered = Object.values((await harness.store.read(id)).clients)[0]?.client_id;
    await harness.handlers['connectors.remove']({ id });
    expect(harness.server.provider.revocations).toEqual([
      { clientId: registered, token: refresh, hint: 'refresh_token' },
      { clientId: registered, token: access, hint: 'access_token' },
    ]);
    expect(await harness.server.isLive(access)).toBe(false);
    expect(await harness.server.isLive(refresh)).toBe(false);
    await expectForgotten(id, harness.server);
  });

  it('authenticates a pre-registered confidential client as the server allows (client_secret_post)', async () => {
    harness = await setup();
    const client = await harness.server.preRegister(REDIRECT, 'client_secret_post');
    const { id, access, refresh } = await harness.signedIn({ oauthClientId: client.clientId, oauthClientSecret: client.clientSecret });
    await harness.handlers['connectors.remove']({ id });
    expect(harness.server.provider.revocations.map((r) => [r.clientId, r.hint])).toEqual([
      [client.clientId, 'refresh_token'],
      [client.clientId, 'access_token'],
    ]);
    expect(await harness.server.isLive(access)).toBe(false);
    expect(await harness.server.isLive(refresh)).toBe(false);
    await expectForgotten(id, harness.server);
  });

  it('forgets everything when the server offers no revocation, sending it nothing', async () => {
    harness = await setup({ noRevocation: true });
    const { id } = await harness.signedIn();
    await harness.handlers['connectors.remove']({ id });
    expect(harness.server.provider.revocations).toEqual([]);
    await expectForgotten(id, harness.server);
  });

  it('is not blocked by a failing revocation, which is logged', async () => {
    harness = await setup({ failRevocation: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { id } = await harness.signedIn();
    await harness.handlers['connectors.remove']({ id });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/revoc/i), expect.stringMatching(/HTTP 500/));
    await expectForgotten(id, harness.server);
  });

  it('drops frames still buffered in the log writer, so none come back after the removal', async () => {
    harness = await setup({ noRevocation: true });
    const { id } = await harness.signedIn();
    // A frame recorded just before the click: still in the writer's buffer, not yet in IndexedDB.
    harness.log.record(id, { at: Date.now(), direction: 'in', method: 'notifications/message', httpStatus: null, durationMs: null, sizeBytes: 2, frame: {} });
    await harness.handlers['connectors.remove']({ id });
    await expectForgotten(id, harness.server);
  });

  it('waits for a connect under way, so nothing of the connector is stored again after the removal', async () => {
    harness = await setup({ noRevocation: true });
    const { id } = await harness.signedIn();
    // A reconnect leaves a connect in flight (its dial reads and writes the OAuth record).
    await harness.handlers['connectors.reconnect']({ id });
    await harness.handlers['connectors.remove']({ id });
    await expectForgotten(id, harness.server);
    expect(await harness.store.read(id)).toEqual({ tokens: null, clients: {}, pending: null, discovery: null, challenge: null, clientKey: null });
  });

  it('Sign out revokes a pre-registered client\'s tokens too (its credentials live in the connector settings)', async () => {
    harness = await setup();
    const client = await harness.server.preRegister(REDIRECT, 'client_secret_post');
    const { id, access, refresh } = await harness.signedIn({ oauthClientId: client.clientId, oauthClientSecret: client.clientSecret });
    await harness.handlers['connectors.signOut']({ id });
    expect(harness.server.provider.revocations.map((r) => r.clientId)).toEqual([client.clientId, client.clientId]);
    expect(await harness.server.isLive(access)).toBe(false);
    expect(await harness.server.isLive(refresh)).toBe(false);
    expect((await harness.store.read(id)).tokens).toBeNull();
  });
});
