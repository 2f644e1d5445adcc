import { describe, expect, it } from 'vitest';
import { MODEL_TOOL_NAME, mapToolNames, type ToolNameEntry } from '@/lib/llm/tool-names';

const entry = (connectorId: string, connectorLabel: string, toolName: string): ToolNameEntry => ({ connectorId, connectorLabel, toolName });

describe('mapToolNames', () => {
  it('namespaces each tool by its connector and maps names back', () => {
    const map = mapToolNames([entry('c1', 'Acme CRM', 'update_record'), entry('c2', 'GitHub', 'open_pull_request')]);
    expect(map.toModel('c1', 'update_record')).toBe('Acme_CRM__update_record');
    expect(map.fromModel('GitHub__open_pull_request')).toEqual({ connectorId: 'c2', toolName: 'open_pull_request' });
    expect(map.collisions).toEqual([]);
  });

  it('reduces odd characters to what every provider accepts', () => {
    const map = mapToolNames([entry('c1', 'Café ☕ (prod)', 'files.read/v2'), entry('c2', '***', '   ')]);
    expect(map.toModel('c1', 'files.read/v2')).toBe('Cafe_prod__files_read_v2');
    expect(map.toModel('c2', '   ')).toBe('connector__tool');
    for (const name of ['files.read/v2', '   ']) {
      const id = name === '   ' ? 'c2' : 'c1';
      expect(map.toModel(id, name)).toMatch(MODEL_TOOL_NAME);
    }
  });

  it('keeps long names within 64 characters and still distinct', () => {
    const long = 'x'.repeat(80);
    const map = mapToolNames([entry('c1', 'Server', `${long}_a`), entry('c1', 'Server', `${long}_b`)]);
    const a = map.toModel('c1', `${long}_a`)!;
    const b = map.toModel('c1', `${long}_b`)!;
    expect(a).toMatch(MODEL_TOOL_NAME);
    expect(b).toMatch(MODEL_TOOL_NAME);
    expect(a).not.toBe(b);
  });

  it('separates two connectors that expose the same tool under the same name, and reports it', () => {
    const map = mapToolNames([entry('c1', 'Files', 'read'), entry('c2', 'Files', 'read')]);
    const first = map.toModel('c1', 'read')!;
    const second = map.toModel('c2', 'read')!;
    expect(first).not.toBe(second);
    expect(map.fromModel(first)).toEqual({ connectorId: 'c1', toolName: 'read' });
    expect(map.fromModel(second)).toEqual({ connectorId: 'c2', toolName: 'read' });
    expect(map.collisions).toEqual(['Files__read']);
  });

  it('gives a tool the same name whatever the order of the list', () => {
    const entries = [entry('c1', 'Files', 'read'), entry('c2', 'Files', 'read'), entry('c3', 'Other', 'write')];
    const forward = mapToolNames(entries);
    const reversed = mapToolNames([...entries].reverse());
    for (const e of entries) expect(reversed.toModel(e.connectorId, e.toolName)).toBe(forward.toModel(e.connectorId, e.toolName));
  });

  it('knows nothing of names it did not make', () => {
    expect(mapToolNames([entry('c1', 'A', 'b')]).fromModel('A__c')).toBeUndefined();
  });
});
