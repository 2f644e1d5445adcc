import { describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { switchesAfterFetch, switchTool } from '@/lib/mcp/catalog/tool-switches';

const tool = (name: string): Tool => ({ name, inputSchema: { type: 'object' } });
const row = (names: string[], enabledTools: string[], disabledTools?: string[]) => ({
  tools: names.map(tool),
  toolsFetchedAt: names.length > 0 ? 1 : null,
  enabledTools,
  ...(disabledTools ? { disabledTools } : {}),
});

describe('tool switches', () => {
  it('the first list enables every tool', () => {
    expect(switchesAfterFetch(row([], []), [tool('a'), tool('b')])).toEqual({ enabledTools: ['a', 'b'], disabledTools: [] });
  });

  it('keeps known switches and enables new tools', () => {
    expect(switchesAfterFetch(row(['a', 'b'], ['a'], ['b']), [tool('a'), tool('b'), tool('c')])).toEqual({ enabledTools: ['a', 'c'], disabledTools: ['b'] });
  });

  it('reads an older row without disabledTools: a listed tool not enabled is off, and stays off once it leaves', () => {
    const gone = switchesAfterFetch(row(['a', 'b'], ['a']), [tool('a')]);
    expect(gone).toEqual({ enabledTools: ['a'], disabledTools: ['b'] });
    const back = switchesAfterFetch({ ...row(['a'], gone.enabledTools, gone.disabledTools) }, [tool('a'), tool('b')]);
    expect(back.enabledTools).toEqual(['a']);
  });

  it('a flip updates both lists, and on again forgets the off', () => {
    const off = switchTool({ enabledTools: ['a', 'b'] }, 'b', false);
    expect(off).toEqual({ enabledTools: ['a'], disabledTools: ['b'] });
    expect(switchTool(off, 'b', true)).toEqual({ enabledTools: ['a', 'b'], disabledTools: [] });
    expect(switchesAfterFetch(row(['a'], ['a'], []), [tool('a'), tool('b')]).enabledTools).toEqual(['a', 'b']);
  });
});
