import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionLocalArea } from '@/lib/browser/key-value-area';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { ConnectorRowSchema } from '@/lib/db/rows';
import { checkConnectorDraft, ConnectorDraftSchema } from '@/lib/contract/connector-draft';
import { ConnectorSecretsSchema, ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import { saveConnector } from '@/lib/mcp/connectors/save-connector';

const RUNS = { numRuns: 200 };

const url = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  fc.string(),
  fc.constantFrom(
    'http://localhost:3001/mcp',
    'http://a\tb/mcp',
    ' https://x.example/mcp\n',
    'http:x',
    'https://user:pass@x.example/',
    'javascript:alert(1)',
    'http://[::1]:6288/mcp',
    'http://0x7f.1/mcp',
    'https://x.example/%',
    'file:///etc/passwd',
  ),
);
const headerLines = fc
  .array(
    fc.tuple(fc.oneof(fc.string(), fc.constantFrom('X-Api-Key', '__proto__', 'constructor', 'Authorization', 'Origin', 'mcp-session-id', 'bad name')), fc.string()),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${name}: ${value}`).join('\n'));

/** What the form (or a page posting to the command) might send as a connector. */
const draft = fc.record(
  {
    id: fc.oneof(fc.constant('existing'), fc.string()),
    label: fc.oneof(fc.string(), fc.constantFrom('Docs', 'docs', ' Docs ', '')),
    url,
    transport: fc.constantFrom('auto', 'streamable-http', 'sse'),
    auth: fc.constantFrom('none', 'oauth', 'bearer', 'headers'),
    token: fc.string(),
    headers: fc.oneof(headerLines, fc.string()),
    oauthClientId: fc.string(),
    oauthClientSecret: fc.string(),
    oauthScopes: fc.string(),
    oauthGrant: fc.constantFrom('authorization_code', 'client_credentials'),
    oauthIssuer: url,
    oauthClientMetadataUrl: url,
    oauthPrivateKey: fc.oneof(fc.string(), fc.constant('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----')),
    oauthKeyAlgorithm: fc.constantFrom('RS256', 'ES256'),
    timeoutSeconds: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3600 }) }, fc.integer(), fc.double()),
    omitOrigin: fc.boolean(),
    askAlways: fc.boolean(),
  },
  { requiredKeys: ['label', 'url', 'transport', 'auth', 'timeoutSeconds', 'omitOrigin'] },
);

describe('saving a connector draft, whatever it holds', () => {
  let db: PatchbayDatabase;
  let connectors: ConnectorsRepository;
  let secrets: ConnectorSecretsStore;

  beforeAll(async () => {
    db = await openDatabase(`patchbay-draft-property-${Date.now()}`);
    connectors = new ConnectorsRepository(db);
    secrets = new ConnectorSecretsStore(extensionLocalArea());
    const first = await saveConnector({ label: 'Docs', url: 'http://localhost:3001/mcp', transport: 'auto', auth: 'bearer', token: 't', timeoutSeconds: 30, omitOrigin: false }, connectors, secrets);
    if (!first.ok) throw new Error('setup');
    // Renamed to a known id, so drafts can edit it.
    const row = (await connectors.get(first.id))!;
    await connectors.remove(first.id);
    await connectors.put({ ...row, id: 'existing' });
    await secrets.write('existing', await secrets.read(first.id));
  });
  afterAll(() => db.close());

  it('refuses field by field with messages, or stores a row and secrets that parse; it never throws', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (raw) => {
        const parsed = ConnectorDraftSchema.safeParse(raw);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const check = checkConnectorDraft(parsed.data, []);
        for (const message of [...Object.values(check.errors), ...check.warnings]) expect(String(message).trim()).not.toBe('');
        const saved = await saveConnector(parsed.data, connectors, secrets);
        if (!saved.ok) {
          expect(Object.keys(saved.errors).length).toBeGreaterThan(0);
          for (const message of Object.values(saved.errors)) expect(String(message).trim()).not.toBe('');
          return;
        }
        const stored = await db.connectors.get(saved.id);
        expect(ConnectorRowSchema.safeParse(stored).success).toBe(true);
        expect(ConnectorSecretsSchema.safeParse(await secrets.read(saved.id)).success).toBe(true);
        // The whole table still reads: one save never leaves a row that would be quarantined.
        expect((await connectors.survey()).corrupt).toEqual([]);
        if (saved.id !== 'existing') await connectors.remove(saved.id);
      }),
      RUNS,
    );
  });
});
