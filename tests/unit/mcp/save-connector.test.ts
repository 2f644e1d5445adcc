import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import { saveConnector, type SavableDraft } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let area: Map<string, unknown>;
let secrets: ConnectorSecretsStore;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-save-connector-${++counter}`);
  connectors = new ConnectorsRepository(db);
  area = new Map();
  const kv: KeyValueArea = { get: async (k) => area.get(k), set: async (k, v) => void area.set(k, v), remove: async (k) => void area.delete(k) };
  secrets = new ConnectorSecretsStore(kv);
});
afterEach(() => db.close());

const draft = (overrides: Partial<SavableDraft> = {}): SavableDraft => ({
  label: 'Docs',
  url: 'https://mcp.example.test/mcp',
  transport: 'auto',
  auth: 'bearer',
  token: 'sk-live-secret',
  timeoutSeconds: 45,
  omitOrigin: false,
  ...overrides,
});

async function save(overrides: Partial<SavableDraft> = {}) {
  const saved = await saveConnector(draft(overrides), connectors, secrets);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.id;
}

describe('saveConnector', () => {
  it('stores the row and, apart from it, the secrets: the row never holds the token', async () => {
    const id = await save();
    const row = await connectors.get(id);
    expect(row).toMatchObject({ label: 'Docs', auth: 'bearer', timeoutMs: 45_000, tools: [], sessionId: null });
    expect(JSON.stringify(await db.connectors.toArray())).not.toContain('sk-live-secret');
    expect(await secrets.read(id)).toEqual({ token: 'sk-live-secret' });
    expect(await secrets.headersFor(row!)).toEqual({ Authorization: 'Bearer sk-live-secret' });

    const withHeaders = await save({ label: 'Team', auth: 'headers', token: undefined, headers: 'X-Api-Key: hdr-secret' });
    expect(JSON.stringify(await db.connectors.toArray())).not.toContain('hdr-secret');
    expect(await secrets.read(withHeaders)).toEqual({ headers: { 'X-Api-Key': 'hdr-secret' } });
  });

  it('refuses an invalid draft and stores nothing', async () => {
    await save();
    const saved = await saveConnector(draft({ label: 'DOCS', url: 'ftp://x' }), connectors, secrets);
    expect(saved).toEqual({ ok: false, errors: { label: expect.stringContaining('already exists'), url: expect.stringContaining('http') } });
    expect(await connectors.list()).toHaveLength(1);
    expect(area.size).toBe(1);
  });

  it('an edit that leaves secret fields out keeps the stored secrets; a new auth kind replaces them', async () => {
    const id = await save();
    expect(await saveConnector(draft({ id, token: undefined, label: 'Docs renamed' }), connectors, secrets)).toMatchObject({ ok: true, id });
    expect(await secrets.read(id)).toEqual({ token: 'sk-live-secret' });
    expect((await connectors.get(id))?.label).toBe('Docs renamed');

    await save({ id, token: 'sk-new' });
    expect(await secrets.read(id)).toEqual({ token: 'sk-new' });

    expect(await saveConnector(draft({ id, auth: 'headers', token: undefined, headers: '' }), connectors, secrets)).toMatchObject({ ok: false });
    await save({ id, auth: 'headers', token: undefined, headers: 'X-Api-Key: k1' });
    await save({ id, auth: 'headers', token: undefined, headers: ' \n ' });
    expect(await secrets.read(id)).toEqual({ headers: { 'X-Api-Key': 'k1' } });

    await save({ id, auth: 'none', token: undefined });
    expect(await secrets.read(id)).toEqual({});
  });

  it('a new URL or transport forgets the old server’s session; other edits keep it', async () => {
    const id = await save();
    const session = { sessionId: 's-1', protocolVersion: '2025-11-25', transportUsed: 'streamable-http' as const };
    await connectors.update(id, session);

    await save({ id, token: undefined, timeoutSeconds: 90 });
    expect(await connectors.get(id)).toMatchObject({ ...session, timeoutMs: 90_000 });

    await save({ id, token: undefined, transport: 'streamable-http' });
    expect(await connectors.get(id)).toMatchObject({ sessionId: null, protocolVersion: null, transportUsed: null });

    await connectors.update(id, session);
    await save({ id, token: 'sk-other', transport: 'streamable-http', url: 'https://other.example.test/mcp' });
    expect(await connectors.get(id)).toMatchObject({ sessionId: null, protocolVersion: null, transportUsed: null, url: 'https://other.example.test/mcp' });
  });

  it('a token or headers never follow the URL to another origin: the save asks for them again and keeps nothing old', async () => {
    const id = await save();
    const moved = await saveConnector(draft({ id, token: undefined, url: 'https://evil.example.test/mcp' }), connectors, secrets);
    expect(moved).toMatchObject({ ok: false, errors: { token: expect.stringMatching(/https:\/\/evil\.example\.test.*https:\/\/mcp\.example\.test.*enter the token/i) } });
    expect((await connectors.get(id))?.url).toBe('https://mcp.example.test/mcp');

    await save({ id, token: 'sk-for-evil', url: 'https://evil.example.test/mcp' });
    expect(await secrets.read(id)).toEqual({ token: 'sk-for-evil' });
    // Another path on the same origin is the same server: the token stays.
    await save({ id, token: undefined, url: 'https://evil.example.test/v2/mcp' });
    expect(await secrets.read(id)).toEqual({ token: 'sk-for-evil' });

    const team = await save({ label: 'Team', auth: 'headers', token: undefined, headers: 'X-Api-Key: hdr-secret' });
    const movedHeaders = await saveConnector(draft({ id: team, label: 'Team', auth: 'headers', token: undefined, headers: '', url: 'http://127.0.0.1:9/mcp' }), connectors, secrets);
    expect(movedHeaders).toMatchObject({ ok: false, errors: { headers: expect.stringMatching(/enter the headers/i) } });
    await save({ id: team, label: 'Team', auth: 'headers', token: undefined, headers: 'X-Other: new', url: 'http://127.0.0.1:9/mcp' });
    expect(await secrets.read(team)).toEqual({ headers: { 'X-Other': 'new' } });
  });

  it('keeps a pre-registered client bound to its issuer across edits, and forgets the binding for another client', async () => {
    const id = await save({ auth: 'oauth', token: undefined, oauthClientId: 'first' });
    // What the background writes after the first sign-in (see createConnectorAuth).
    await secrets.write(id, { oauth: { ...(await secrets.read(id)).oauth, issuer: 'https://auth.example' } });
    await save({ id, auth: 'oauth', token: undefined, url: 'https://elsewhere.example.test/mcp' });
    expect((await secrets.read(id)).oauth).toMatchObject({ clientId: 'first', issuer: 'https://auth.example' });
    await save({ id, auth: 'oauth', token: undefined, oauthClientId: 'second' });
    expect((await secrets.read(id)).oauth?.issuer).toBeUndefined();
  });

  it('passes on the draft’s warnings', async () => {
    const saved = await saveConnector(draft({ url: 'http://intranet.example.test/mcp' }), connectors, secrets);
    expect(saved).toMatchObject({ ok: true, warnings: [expect.stringContaining('not encrypted')] });
  });

  it('stores "Ask before every tool", keeps it when a form leaves it out, and treats its absence as off', async () => {
    const id = await save({ askAlways: true });
    expect((await connectors.get(id))!.askAlways).toBe(true);
    await save({ id, token: undefined });
    expect((await connectors.get(id))!.askAlways).toBe(true);
    await save({ id, token: undefined, askAlways: false });
    expect((await connectors.get(id))!.askAlways).toBe(false);
    expect((await connectors.get(await save({ label: 'Other' })))!.askAlways).toBe(false);
  });

  it('stores the total time limit per call: 10 minutes unless set, kept when a form leaves it out, refused when invalid', async () => {
    const id = await save();
    expect((await connectors.get(id))!.maxTotalTimeoutMs).toBe(600_000);
    await save({ id, token: undefined, totalTimeoutSeconds: 90 });
    expect((await connectors.get(id))!.maxTotalTimeoutMs).toBe(90_000);
    await save({ id, token: undefined });
    expect((await connectors.get(id))!.maxTotalTimeoutMs).toBe(90_000);
    for (const totalTimeoutSeconds of [0, -5, 1.5, Number.NaN, 86_401, 44]) {
      const refused = await saveConnector(draft({ id, token: undefined, totalTimeoutSeconds }), connectors, secrets);
      expect(refused.ok, String(totalTimeoutSeconds)).toBe(false);
      if (!refused.ok) expect(refused.errors.totalTimeoutSeconds, String(totalTimeoutSeconds)).toMatch(/seconds|shorter than the timeout/);
    }
    expect((await connectors.get(id))!.maxTotalTimeoutMs).toBe(90_000);
  });

  it('an emptied secret field clears the stored value; a field left out keeps it', async () => {
    const id = await save();
    const stored = (await secrets.read(id)).token;
    // A bearer connector cannot be left without a token: the save is refused and the token kept.
    expect(await saveConnector(draft({ id, token: '' }), connectors, secrets)).toMatchObject({ ok: false, errors: { token: 'Paste the bearer token.' } });
    expect((await secrets.read(id)).token).toBe(stored);

    const oauth = { auth: 'oauth' as const, token: undefined };
    await save({ id, ...oauth, oauthClientId: 'mine', oauthClientSecret: 's3cret', oauthScopes: 'read' });
    expect((await secrets.read(id)).oauth).toMatchObject({ clientId: 'mine', clientSecret: 's3cret', scopes: 'read' });
    await save({ id, ...oauth });
    expect((await secrets.read(id)).oauth).toMatchObject({ clientId: 'mine', clientSecret: 's3cret', scopes: 'read' });
    await save({ id, ...oauth, oauthClientId: '', oauthClientSecret: '' });
    const cleared = (await secrets.read(id)).oauth;
    expect(cleared?.clientId).toBeUndefined();
    expect(cleared?.clientSecret).toBeUndefined();
    expect(cleared?.scopes).toBe('read');
  });

  it('stores a client metadata URL and a private key, and refuses a metadata URL that is not https', async () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
    const id = await save({ auth: 'oauth', token: undefined, oauthClientMetadataUrl: 'https://patchbay.example/client.json' });
    expect((await secrets.read(id)).oauth?.clientMetadataUrl).toBe('https://patchbay.example/client.json');
    await save({ id, auth: 'oauth', token: undefined, oauthGrant: 'client_credentials', oauthClientId: 'svc', oauthClientSecret: 'x', oauthIssuer: 'https://auth.example', oauthPrivateKey: pem, oauthKeyAlgorithm: 'ES256' });
    expect((await secrets.read(id)).oauth).toMatchObject({ privateKeyPem: pem, keyAlgorithm: 'ES256' });
    expect(JSON.stringify(await db.connectors.toArray())).not.toContain('PRIVATE KEY');
    const refused = await saveConnector(draft({ id, auth: 'oauth', token: undefined, oauthClientMetadataUrl: 'http://patchbay.example/client.json' }), connectors, secrets);
    expect(refused).toMatchObject({ ok: false, errors: { oauthClientMetadataUrl: expect.stringContaining('https') } });
  });
});

describe('beside a corrupt connector row', () => {
  it('refuses its label as taken, with a field error, instead of failing on the unique index', async () => {
    await db.connectors.put({ id: 'broken', label: 'Docs', url: 'not a url' } as never);
    const saved = await saveConnector(draft(), connectors, secrets);
    expect(saved.ok).toBe(false);
    expect(saved.ok === false && saved.errors.label).toMatch(/Docs|name|already/i);
  });
});
