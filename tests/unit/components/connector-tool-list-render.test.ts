import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectorItem, TOOLS_COLLAPSED_OVER, TOOLS_PREVIEWED } from '@/components/connectors/ConnectorItem';
import type { ConnectorRow } from '@/lib/db/rows';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

const withTools = (count: number): ConnectorRow => {
  const tools = Array.from({ length: count }, (_, i) => ({ name: `tool_${String(i).padStart(3, '0')}`, inputSchema: { type: 'object' as const } }));
  return { ...newConnectorRow('c1', 0), label: 'Catalog', url: 'https://mcp.example/mcp', tools, enabledTools: tools.map((t) => t.name), toolsFetchedAt: 1 };
};
const render = (row: ConnectorRow) =>
  renderToStaticMarkup(createElement(ConnectorItem, { row, status: { state: 'connected', transport: 'streamable-http', since: 1 }, onEdit: () => undefined }));
const switches = (html: string) => html.match(/role="switch"/g)?.length ?? 0;

describe('a connector’s tool list (server-rendered)', () => {
  it('lists every tool of a short list, each with its switch and Run', () => {
    const html = render(withTools(TOOLS_COLLAPSED_OVER));
    expect(switches(html)).toBe(TOOLS_COLLAPSED_OVER);
    expect(html.match(/>Run</g)).toHaveLength(TOOLS_COLLAPSED_OVER);
    expect(html).not.toContain('Show all');
  });

  it('starts a long list collapsed, with its count and a button that shows the rest', () => {
    const html = render(withTools(100));
    expect(switches(html)).toBe(TOOLS_PREVIEWED);
    expect(html).toContain('aria-label="tool_000"');
    expect(html).not.toContain('aria-label="tool_099"');
    expect(html).toContain('Tools (100)');
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>Show all 100 tools \(80 more\)<\/button>/);
  });
});
