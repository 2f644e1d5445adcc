import { afterEach, describe, expect, it } from 'vitest';
import { createReportCardHandlers } from '@/lib/background/report-card-handlers';
import { DEFAULT_PROVIDER_SETTINGS } from '@/lib/contract/provider-settings';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { COMMAND_CHANNEL, CommandReplySchema, type CommandName } from '@/lib/messaging/command-protocol';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';
import { connectorRow } from '../chat/engine-harness';

let counter = 0;
let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

async function setup() {
  db = await openDatabase(`patchbay-report-card-${++counter}-${Date.now()}`);
  const connectors = new ConnectorsRepository(db);
  await connectors.put({ ...connectorRow('files'), label: 'Files' });
  // Another connector with a tool whose name folds to Files' read_file.
  await connectors.put({ ...connectorRow('disk'), label: 'Disk', tools: [{ ...connectorRow().tools[0]!, name: 'Read-File' }] });
  const settings = { read: async () => ({ ...DEFAULT_PROVIDER_SETTINGS, model: 'tiny', toolLimits: { tiny: 2 } }) };
  return createReportCardHandlers({ connectors, settings });
}

describe('the workbench.reportCard command', () => {
  it('judges the stored tool list beside every other connector, with the model’s own tool limit', async () => {
    const handlers = await setup();
    const card = await handlers['workbench.reportCard']({ connectorId: 'files' });
    expect(card.summary).toMatchObject({ tools: 2, toolLimit: 2, model: 'tiny' });
    const collision = card.findings.find((f) => f.check === 'name-collision');
    expect(collision).toMatchObject({ tool: 'read_file', severity: 'warning' });
    expect(collision!.message).toContain('`Read-File` (Disk)');
    // write_file has no annotations: the card says every call asks.
    expect(card.findings.find((f) => f.tool === 'write_file' && f.check === 'annotations-missing')).toBeDefined();
    expect(card.summary.counts.warning).toBe(card.findings.filter((f) => f.severity === 'warning').length);
  });

  it('refuses a connector that does not exist, by a code, through the router; an empty id never reaches the handler', async () => {
    const handlers = await setup();
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const route = createCommandRouter(handlers as unknown as CommandHandlers, { id, origin: `chrome-extension://${id}/` });
    const send = async (command: CommandName, payload: unknown) => CommandReplySchema.parse(await route({ channel: COMMAND_CHANNEL, command, payload }, { id, url: `chrome-extension://${id}/sidepanel.html` }));
    expect(await send('workbench.reportCard', { connectorId: 'gone' })).toMatchObject({ ok: false, error: { code: 'bad-config', message: expect.stringContaining('No connector with id gone') } });
    expect(await send('workbench.reportCard', { connectorId: '' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send('workbench.reportCard', { connectorId: 'files' })).toMatchObject({ ok: true });
  });
});
