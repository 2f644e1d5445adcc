import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { PartitionedRows } from '@/lib/db/quarantined-row';
import type { ConnectorRow } from '@/lib/db/rows';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import { saveConnector, type SavableDraft } from '@/lib/mcp/connectors/save-connector';
import { switchTool } from '@/lib/mcp/catalog/tool-switches';

/** A repository where a write lands right after the save read the rows: a switch flipped meanwhile. */
class SwitchDuringSave extends ConnectorsRepository {
  meanwhile: (() => Promise<unknown>) | null = null;

  override async survey(): Promise<PartitionedRows<ConnectorRow>> {
    const rows = await super.survey();
    const write = this.meanwhile;
    this.meanwhile = null;
    await write?.();
    return rows;
  }
}

let db: PatchbayDatabase;
let connectors: SwitchDuringSave;
let secrets: ConnectorSecretsStore;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-save-switches-${++counter}`);
  connectors = new SwitchDuringSave(db);
  const area = new Map<string, unknown>();
  const kv: KeyValueArea = { get: async (k) => area.get(k), set: async (k, v) => void area.set(k, v), remove: async (k) => void area.delete(k) };
  secrets = new ConnectorSecretsStore(kv);
});
afterEach(() => db.close());

const draft: SavableDraft = { label: 'Docs', url: 'https://mcp.example.test/mcp', transport: 'auto', auth: 'none', timeoutSeconds: 30, omitOrigin: false };

describe('saving a connector keeps what was stored while it saved', () => {
  it('a switch flipped during an edit stays flipped, and the edit lands', async () => {
    const saved = await saveConnector(draft, connectors, secrets);
    if (!saved.ok) throw new Error('not saved');
    const tools = [{ name: 'a', inputSchema: { type: 'object' as const } }, { name: 'b', inputSchema: { type: 'object' as const } }];
    await connectors.update(saved.id, { tools, toolsFetchedAt: 1, enabledTools: ['a', 'b'] });

    connectors.meanwhile = () => connectors.updateWith(saved.id, (row) => switchTool(row, 'b', false));
    const edited = await saveConnector({ ...draft, id: saved.id, label: 'Docs 2' }, connectors, secrets);
    expect(edited.ok).toBe(true);
    expect(await connectors.get(saved.id)).toMatchObject({ label: 'Docs 2', enabledTools: ['a'], disabledTools: ['b'] });
  });
});
