import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import type { ConnectorDraft } from '@/lib/mcp/connector-draft';
import { ConnectorSecretsStore } from '@/lib/mcp/connector-secrets';
import { saveConnector } from '@/lib/mcp/save-connector';

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

const draft = (overrides: Partial<ConnectorDraft> = {}): ConnectorDraft => ({
  label: 'Docs',
  url: 'https://mcp.example.test/mcp',
  transport: 'auto',
  auth: 'bearer',
  token: 'sk-live-secret',
  timeoutSeconds: 45,
  omitOrigin: false,
  ...overrides,
});

async function save(overrides: Partial<ConnectorDraft> = {}) {
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

  it('an edit with empty secret fields keeps the stored secrets; a new auth kind replaces them', async () => {
    const id = await save();
    expect(await saveConnector(draft({ id, token: '', label: 'Docs renamed' }), connectors, secrets)).toMatchObject({ ok: true, id });
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

    await save({ id, token: '', timeoutSeconds: 90 });
    expect(await connectors.get(id)).toMatchObject({ ...session, timeoutMs: 90_000 });

    await save({ id, token: '', transport: 'streamable-http' });
    expect(await connectors.get(id)).toMatchObject({ sessionId: null, protocolVersion: null, transportUsed: null });

    await connectors.update(id, session);
    await save({ id, token: '', transport: 'streamable-http', url: 'https://other.example.test/mcp' });
    expect(await connectors.get(id)).toMatchObject({ sessionId: null, protocolVersion: null, transportUsed: null, url: 'https://other.example.test/mcp' });
  });

  it('passes on the draft’s warnings', async () => {
    const saved = await saveConnector(draft({ url: 'http://intranet.example.test/mcp' }), connectors, secrets);
    expect(saved).toMatchObject({ ok: true, warnings: [expect.stringContaining('not encrypted')] });
  });

  it('stores "Ask before every tool", keeps it when a form leaves it out, and treats its absence as off', async () => {
    const id = await save({ askAlways: true });
    expect((await connectors.get(id))!.askAlways).toBe(true);
    await save({ id, token: '' });
    expect((await connectors.get(id))!.askAlways).toBe(true);
    await save({ id, token: '', askAlways: false });
    expect((await connectors.get(id))!.askAlways).toBe(false);
    expect((await connectors.get(await save({ label: 'Other' })))!.askAlways).toBe(false);
  });
});
