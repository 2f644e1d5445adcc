import { describe, expect, it } from 'vitest';
import { checkCollisions, editDistance, foldName, type PlacedTool } from '@/lib/workbench/report-card/collision-checks';

const at = (connectorId: string, name: string): PlacedTool => ({ connectorId, connectorLabel: connectorId.toUpperCase(), name });

describe('names that collide across the user’s connectors', () => {
  it('folds case and punctuation', () => {
    expect(foldName('Get-Item')).toBe(foldName('get_item'));
    expect(foldName('getItem')).toBe('getitem');
  });

  it('passes distinct names, and does not compare a tool with itself', () => {
    const tool = at('a', 'create_event');
    expect(checkCollisions(tool, [tool, at('a', 'delete_invoice'), at('b', 'get_weather')])).toEqual([]);
  });

  it('flags the same folded name in the connector and in another one as a Warning, naming the other connector', () => {
    const tool = at('a', 'search_items');
    const found = checkCollisions(tool, [tool, at('a', 'search.items'), at('b', 'SearchItems')]);
    expect(found).toMatchObject([{ severity: 'warning', check: 'name-collision', tool: 'search_items' }]);
    expect(found[0]!.message).toContain('`search.items`, `SearchItems` (B)');
  });

  it('flags a name a typo away as Info, not short names two letters apart', () => {
    const tool = at('a', 'list_orders');
    expect(checkCollisions(tool, [tool, at('b', 'list_order')])).toMatchObject([{ severity: 'info', check: 'name-near-collision' }]);
    expect(checkCollisions(at('a', 'get'), [at('a', 'set')])).toEqual([]);
    expect(checkCollisions(tool, [at('b', 'list_customers')])).toEqual([]);
  });

  it('computes edit distance, capped', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('same', 'same', 2)).toBe(0);
  });
});
