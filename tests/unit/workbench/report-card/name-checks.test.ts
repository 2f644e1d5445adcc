import { describe, expect, it } from 'vitest';
import { checkActionName, checkSpecName } from '@/lib/workbench/report-card/name-checks';
import { nameWords } from '@/lib/workbench/report-card/name-words';
import { checksOf, goodTool } from './tool';

describe('action-oriented names', () => {
  it('reads the words of snake, kebab, camel and dotted names', () => {
    expect(nameWords('Calendar.createEvent')).toEqual(['calendar', 'create', 'event']);
    expect(nameWords('get-HTTPStatus_now')).toEqual(['get', 'http', 'status', 'now']);
  });

  it('passes a name that starts with a verb', () => {
    expect(checkActionName(goodTool())).toEqual([]);
    expect(checkActionName(goodTool({ name: 'searchOrders' }))).toEqual([]);
  });

  it('flags a name that does not start with a verb and suggests the verb first', () => {
    const [found] = checkActionName(goodTool({ name: 'user_create' }));
    expect(found).toMatchObject({ severity: 'info', tool: 'user_create', check: 'name-not-verb-first' });
    expect(found!.fix).toContain('`create_user`');
    expect(checkActionName(goodTool({ name: 'invoice' }))[0]!.fix).toContain('`get_invoice`');
  });

  it('flags a generic name (data, helper), not a specific one that contains a generic word', () => {
    expect(checksOf(checkActionName(goodTool({ name: 'data' })))).toEqual(['name-generic']);
    expect(checksOf(checkActionName(goodTool({ name: 'helper_utils' })))).toEqual(['name-generic']);
    expect(checkActionName(goodTool({ name: 'get_user_data' }))).toEqual([]);
  });
});

describe('names the MCP spec allows', () => {
  it('passes letters, digits, _, - and . up to 128', () => {
    expect(checkSpecName(goodTool({ name: 'calendar.create_event-v2' }))).toEqual([]);
    expect(checkSpecName(goodTool({ name: 'a'.repeat(128) }))).toEqual([]);
  });

  it('flags spaces, other characters and names over 128 as a Warning', () => {
    for (const name of ['get weather', '天気', 'a'.repeat(129), 'x/y']) {
      expect(checkSpecName(goodTool({ name }))).toMatchObject([{ severity: 'warning', check: 'name-outside-mcp-spec' }]);
    }
    expect(checkSpecName(goodTool({ name: 'a'.repeat(129) }))[0]!.message).toContain('129 characters');
  });
});
