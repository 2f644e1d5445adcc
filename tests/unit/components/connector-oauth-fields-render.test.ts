import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorForm } from '@/components/connectors/ConnectorForm';
import { draftToSend } from '@/components/connectors/useStoredFieldClearing';
import type { ConnectorRow } from '@/lib/db/rows';
import { newConnectorRow } from '@/lib/mcp/save-connector';

const row: ConnectorRow = { ...newConnectorRow('k1', 0), label: 'Acme', url: 'https://mcp.acme.example/mcp', auth: 'oauth' };
const render = (props: Partial<Parameters<typeof ConnectorForm>[0]>) =>
  renderToStaticMarkup(createElement(ConnectorForm, { otherLabels: [], onDone: () => undefined, onCancel: () => undefined, ...props }));

describe('the connector form’s OAuth section (server-rendered)', () => {
  beforeEach(() => {
    (fakeBrowser.identity as unknown as Record<string, unknown>).getRedirectURL = (path = '') => `https://abcdefghijklmnop.chromiumapp.org/${path}`;
  });

  it('shows the redirect URI a pre-registered client or metadata document must list', () => {
    expect(render({ row })).toContain('https://abcdefghijklmnop.chromiumapp.org/oauth');
    expect(render({ preset: { auth: 'oauth', oauthGrant: 'client_credentials' } })).not.toContain('chromiumapp.org');
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
