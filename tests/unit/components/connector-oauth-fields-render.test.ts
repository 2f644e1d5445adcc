import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelServicesContext, type PanelServices } from '@/components/app/panel-services';
import { ConnectorForm } from '@/components/connectors/ConnectorForm';
import { RedirectUriList } from '@/components/connectors/RedirectUris';
import { draftToSend } from '@/components/connectors/useStoredFieldClearing';
import { oauthRedirectUris } from '@/lib/auth/identity-authorization-adapter';
import { createCommandHandlers } from '@/lib/background/command-handlers';
import { extensionLocalArea } from '@/lib/browser/key-value-area';
import { openDatabase } from '@/lib/db/open-database';
import type { ConnectorRow } from '@/lib/db/rows';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';
import { BackgroundLink } from '@/lib/messaging/background-link';
import { ApprovalSettingsStore } from '@/lib/settings/approval-settings-store';
import { ProviderSettingsStore } from '@/lib/settings/provider-settings-store';

const row: ConnectorRow = { ...newConnectorRow('k1', 0), label: 'Acme', url: 'https://mcp.acme.example/mcp', auth: 'oauth' };
let services: PanelServices;
beforeAll(async () => {
  // A link never started: the form renders as it does before the background answers.
  services = { link: new BackgroundLink(() => { throw new Error('not connected in this test'); }), db: await openDatabase(`patchbay-oauth-fields-${Date.now()}`) };
});
afterAll(() => services.db.close());
const render = (props: Partial<Parameters<typeof ConnectorForm>[0]>) =>
  renderToStaticMarkup(
    createElement(PanelServicesContext.Provider, { value: services }, createElement(ConnectorForm, { otherLabels: [], onDone: () => undefined, onCancel: () => undefined, ...props })),
  );

/** The redirect URIs as the background answers them (from the identity API), listed as the form lists them. */
async function listedRedirectUris(): Promise<string> {
  const handlers = createCommandHandlers({
    version: '1',
    workerStartedAt: 0,
    settings: new ProviderSettingsStore(extensionLocalArea()),
    approvals: new ApprovalSettingsStore(extensionLocalArea()),
    isDatabaseReady: () => true,
    broadcast: () => undefined,
    redirectUris: oauthRedirectUris,
  });
  const { uris } = await handlers['connectors.redirectUris']({});
  return renderToStaticMarkup(createElement(RedirectUriList, { uris }));
}

describe('the connector form’s OAuth section (server-rendered)', () => {
  beforeEach(() => {
    (fakeBrowser.identity as unknown as Record<string, unknown>).getRedirectURL = (path = '') => `https://abcdefghijklmnop.chromiumapp.org/${path}`;
  });

  it('shows the redirect URI a pre-registered client or metadata document must list', async () => {
    expect(render({ row })).toContain('aria-label="Redirect URIs"');
    expect(render({ preset: { auth: 'oauth', oauthGrant: 'client_credentials' } })).not.toContain('Redirect URI');
    expect(await listedRedirectUris()).toContain('<code class="copyable">https://abcdefghijklmnop.chromiumapp.org/oauth</code>');
  });

  it('offers a client metadata URL for user sign-in, and a way to clear each saved value', () => {
    const html = render({ row });
    expect(html).toContain('>Client metadata URL<');
    expect(html).not.toContain('Private key (PEM)');
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Clear saved client secret<\/button>/);
    expect(html).toMatch(/>Clear saved client ID</);
  });

  it('offers a private key and its algorithm (RS256 by default) for a machine connector', () => {
    const html = render({ preset: { auth: 'oauth', oauthGrant: 'client_credentials' } });
    expect(html).toContain('>Private key (PEM)<');
    expect(html).toMatch(/<option value="RS256" selected="">RS256<\/option>/);
    expect(html).not.toContain('Clear saved');
  });
});

describe('draftToSend', () => {
  it('sends an untouched empty field as "keep" and a cleared one as an empty string', () => {
    const draft = { label: 'A', url: 'https://a.example/mcp', transport: 'auto', auth: 'oauth', token: '', oauthClientId: '', oauthClientSecret: 'new', timeoutSeconds: 30, omitOrigin: false } as const;
    const sent = draftToSend(draft, new Set(['oauthClientId']));
    expect(sent).toMatchObject({ oauthClientId: '', oauthClientSecret: 'new' });
    expect(sent.token).toBeUndefined();
    expect('token' in sent && sent.token === undefined).toBe(true);
  });
});
