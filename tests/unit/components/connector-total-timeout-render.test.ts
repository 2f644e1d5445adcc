import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectorForm } from '@/components/connectors/ConnectorForm';
import type { ConnectorRow } from '@/lib/db/rows';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

const render = (row?: ConnectorRow) =>
  renderToStaticMarkup(createElement(ConnectorForm, { row, otherLabels: [], onDone: () => undefined, onCancel: () => undefined }));

/** The number input labelled `label`, found through its label's `for`. */
function input(html: string, label: string): string {
  const id = new RegExp(`<label for="([^"]+)">${label.replace(/[()]/g, '\\$&')}</label>`).exec(html)?.[1];
  expect(id, `a label “${label}”`).toBeTruthy();
  return new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)![0];
}

describe('the connector form’s total time limit (server-rendered)', () => {
  it('offers the total limit per call under its own label, 10 minutes for a new connector', () => {
    const html = render();
    const field = input(html, 'Total time limit per call (seconds)');
    expect(field).toContain('value="600"');
    expect(field).toContain('type="number"');
    expect(html).toContain('even while the server keeps reporting progress');
  });

  it('shows the stored limit of an existing connector, and the default for a row stored before it existed', () => {
    const row: ConnectorRow = { ...newConnectorRow('k1', 0), label: 'Slow', url: 'http://127.0.0.1:9/mcp', maxTotalTimeoutMs: 90_000 };
    expect(input(render(row), 'Total time limit per call (seconds)')).toContain('value="90"');
    const { maxTotalTimeoutMs: _absent, ...older } = row;
    expect(input(render(older), 'Total time limit per call (seconds)')).toContain('value="600"');
  });
});
