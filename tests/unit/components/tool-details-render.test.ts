import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ToolBadges } from '@/components/connectors/ToolBadges';
import { ToolDetails, ToolRow } from '@/components/connectors/ToolRow';

const deleteNote: Tool = {
  name: 'delete_note',
  title: 'Delete a note',
  description: 'Deletes the note with this id, for good.',
  inputSchema: { type: 'object', properties: { id: { type: 'string', description: 'Which note' } }, required: ['id'] },
  outputSchema: { type: 'object', properties: { deleted: { type: 'boolean' } } },
  annotations: { destructiveHint: true, idempotentHint: true, openWorldHint: false },
};

const row = (tool: Tool) => renderToStaticMarkup(createElement(ToolRow, { tool, connectorId: 'c1', enabled: true, onToggle: () => undefined, onRun: () => undefined }));
const details = (tool: Tool) => renderToStaticMarkup(createElement(ToolDetails, { tool }));

describe('a tool’s row and details (server-rendered)', () => {
  it('row: a switch named by the tool with On/Off beside it, a one-line summary and its risk claims in words, destructive highlighted', () => {
    const html = row(deleteNote);
    expect(html).toMatch(/role="switch" aria-checked="true" aria-label="delete_note"/);
    expect(html).toMatch(/<span class="switch-state" aria-hidden="true">On<\/span>/);
    expect(html).toContain('<span class="tool-summary">Deletes the note with this id, for good.</span>');
    expect(html).toMatch(/data-tone="danger" title="Destructive: may delete or overwrite — The server’s claim; Patchbay has not checked it">Destructive</);
    // The row has room for the claims that speak of risk; "Safe to repeat" waits in Details.
    expect(html).not.toContain('>Safe to repeat<');
    // False hints make no badge: only what the server claims is shown.
    expect(html).not.toContain('>Reaches outside<');
    expect(html).not.toContain('>Reads only<');
    expect(html).toMatch(/aria-expanded="false"[^>]*>Details</);
    expect(html).toMatch(/<button[^>]*>Run<\/button>/);
    expect(row({ ...deleteNote, description: undefined })).toContain('<span class="tool-summary">Delete a note</span>');
    expect(renderToStaticMarkup(createElement(ToolRow, { tool: deleteNote, connectorId: 'c1', enabled: false, onToggle: () => undefined, onRun: () => undefined }))).toMatch(/aria-checked="false"[^>]*><\/button><span class="switch-state" aria-hidden="true">Off</);
  });

  it('details: the note that annotations are the server’s claims, and both schemas in full', () => {
    const html = details(deleteNote);
    expect(html).toContain('Annotations are the server’s claims, not facts Patchbay has checked.');
    expect(html).toContain('>Delete a note<');
    expect(html).toContain('>Deletes the note with this id, for good.<');
    expect(html).toContain('>Safe to repeat<');
    expect(html).toMatch(/<figcaption>Input schema<\/figcaption><pre[^>]*>[^<]*&quot;required&quot;: \[\s*&quot;id&quot;/);
    expect(html).toContain('&quot;description&quot;: &quot;Which note&quot;');
    expect(html).toMatch(/<figcaption>Output schema<\/figcaption><pre[^>]*>[^<]*&quot;deleted&quot;/);
  });

  it('details without annotations or output schema: no claims note, and says there is no output schema', () => {
    const html = details({ name: 'echo', inputSchema: { type: 'object' } });
    expect(html).not.toContain('claims');
    expect(html).toContain('Input schema');
    expect(html).toContain('No output schema.');
  });

  it('badges: all four hints in words, each in its tone', () => {
    const html = renderToStaticMarkup(
      createElement(ToolBadges, { annotations: { readOnlyHint: true, destructiveHint: true, idempotentHint: true, openWorldHint: true } }),
    );
    expect([...html.matchAll(/data-tone="(\w+)"[^>]*>([\w -]+)</g)].map(([, tone, text]) => `${text}:${tone}`)).toEqual([
      'Reads only:ok',
      'Destructive:danger',
      'Safe to repeat:plain',
      'Reaches outside:plain',
    ]);
  });

  it('takes the title from annotations when the tool has no top-level title', () => {
    expect(row({ name: 'search', inputSchema: { type: 'object' }, annotations: { title: 'Search the web', readOnlyHint: true } })).toContain('>Search the web<');
    expect(details({ name: 'search', inputSchema: { type: 'object' }, annotations: { title: 'Search the web' } })).toContain('>Search the web<');
  });
});
