import { describe, expect, it } from 'vitest';
import { createCommandHandlers } from '@/lib/background/command-handlers';
import { extensionLocalArea } from '@/lib/browser/key-value-area';
import type { BackgroundToPanel } from '@/lib/messaging/panel-port-protocol';
import { ApprovalSettingsStore } from '@/lib/settings/approval-settings-store';
import { ProviderSettingsStore } from '@/lib/settings/provider-settings-store';

function setup() {
  const events: BackgroundToPanel[] = [];
  const handlers = createCommandHandlers({
    version: '9.9.9',
    workerStartedAt: 123,
    settings: new ProviderSettingsStore(extensionLocalArea()),
    approvals: new ApprovalSettingsStore(extensionLocalArea()),
    isDatabaseReady: () => true,
    broadcast: (event) => events.push(event),
    redirectUris: () => ['https://example.test/redirect'],
  });
  return { handlers, events };
}

describe('background command handlers', () => {
  it('never hands the stored key to the panel, only its hint', async () => {
    const { handlers, events } = setup();
    const saved = await handlers['settings.save']({ apiKey: 'sk-abcdefghijklmnop-wxyz', baseUrl: 'https://api.example.test/v1', model: 'm' });
    expect(saved).toEqual({ baseUrl: 'https://api.example.test/v1', model: 'm', api: 'chat-completions', apiKeyHint: 'sk-…wxyz', toolLimits: {}, omitOrigin: false });
    expect(JSON.stringify(await handlers['settings.get']({}))).not.toContain('abcdefgh');
    expect(events).toEqual([{ type: 'settings-changed' }]);
  });

  it('reports who answered a ping', async () => {
    const { handlers } = setup();
    expect(await handlers.ping({})).toEqual({ version: '9.9.9', workerStartedAt: 123, databaseReady: true });
  });

  it('keeps remembered decisions only for the panel load by default, and saves the choice', async () => {
    const { handlers, events } = setup();
    expect(await handlers['settings.approvals.get']({})).toEqual({ keepDecisionsAcrossReloads: false });
    expect(await handlers['settings.approvals.save']({ keepDecisionsAcrossReloads: true })).toEqual({ keepDecisionsAcrossReloads: true });
    expect(await handlers['settings.approvals.get']({})).toEqual({ keepDecisionsAcrossReloads: true });
    expect(events).toEqual([{ type: 'settings-changed' }]);
  });

  it('answers the redirect URIs the identity API gives, so the panel never calls it itself', async () => {
    const { handlers } = setup();
    expect(await handlers['connectors.redirectUris']({})).toEqual({ uris: ['https://example.test/redirect'] });
  });
});
