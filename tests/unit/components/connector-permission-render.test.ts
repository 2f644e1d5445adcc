import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorItem } from '@/components/connectors/ConnectorItem';
import { grantAccess } from '@/components/connectors/grant-access';
import type { ConnectorRow } from '@/lib/db/rows';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { DEMO_CONNECTOR } from '@/lib/contract/demo-connector';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

const row: ConnectorRow = { ...newConnectorRow('k1', 0), label: 'Intranet', url: 'https://mcp.intranet.example/mcp' };

const render = (status: ConnectorStatus, connector: ConnectorRow = row) =>
  renderToStaticMarkup(createElement(ConnectorItem, { row: connector, status, onEdit: () => undefined }));

const button = (name: string) => new RegExp(`<button[^>]*>${name}</button>`);

describe('a connector whose origin was not granted (server-rendered)', () => {
  it('says Permission needed and offers Grant access first', () => {
    const html = render({ state: 'permission-needed', origin: 'https://mcp.intranet.example' });
    expect(html).toMatch(/<li[^>]*aria-label="Intranet"/);
    expect(html).toMatch(/<span class="connector-status" data-state="permission-needed"><span class="dot"[^>]*><\/span>Permission needed<\/span>/);
    expect(html).toMatch(button('Grant access'));
    expect(html.indexOf('>Grant access<')).toBeLessThan(html.indexOf('aria-label="Refresh tools"'));
  });

  it('offers no Grant access once connected', () => {
    const html = render({ state: 'connected', transport: 'streamable-http', since: 1 });
    expect(html).toContain('>Connected<');
    expect(html).not.toMatch(button('Grant access'));
  });
});

describe('the demo connector when its server is not running', () => {
  it('says how to start it', () => {
    const demo = { ...row, label: DEMO_CONNECTOR.label, url: DEMO_CONNECTOR.url };
    const html = render({ state: 'error', code: 'unreachable', reason: `Could not reach ${DEMO_CONNECTOR.url}. Is the server running?`, retryAt: null }, demo);
    expect(html).toMatch(/Start it with <code>npm start<\/code>/);
    expect(render({ state: 'error', code: 'unreachable', reason: 'Could not reach it.', retryAt: null })).not.toContain('npm start');
  });
});

describe('Grant access, clicked', () => {
  function recordCommands() {
    const sent: unknown[] = [];
    const send = async (message: unknown) => {
      sent.push(message);
      return { ok: true, result: {} };
    };
    return { sent, send };
  }

  it('asks for the origin at once, inside the click, and reconnects when the user agrees', async () => {
    const asked: unknown[] = [];
    fakeBrowser.permissions.request = async (permissions) => {
      asked.push(permissions);
      return true;
    };
    const { sent, send } = recordCommands();
    const granting = grantAccess(row.url, row.id, send);
    // Before any await: browsers show the prompt only while the click is being handled.
    expect(asked).toEqual([{ origins: ['https://mcp.intranet.example/*'] }]);
    expect(await granting).toBe(true);
    expect(sent).toEqual([{ channel: 'patchbay/command', command: 'connectors.reconnect', payload: { id: 'k1' } }]);
  });

  it('does not reconnect when the user declines', async () => {
    fakeBrowser.permissions.request = async () => false;
    const { sent, send } = recordCommands();
    expect(await grantAccess(row.url, row.id, send)).toBe(false);
    expect(sent).toEqual([]);
  });
});
