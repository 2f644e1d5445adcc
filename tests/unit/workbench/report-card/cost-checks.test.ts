import { describe, expect, it } from 'vitest';
import { estimateSchemaTokens } from '@/lib/contract/tool-budget';
import { checkConnectorCost, checkToolCost, HEAVY_TOOL_TOKENS } from '@/lib/workbench/report-card/cost-checks';
import { goodTool } from './tool';

describe('token cost', () => {
  it('passes a tool of ordinary size', () => {
    expect(checkToolCost(goodTool())).toEqual([]);
  });

  it('flags a tool whose definition costs more than the threshold, with the same estimate as the chat', () => {
    const tool = goodTool({ description: 'Use this when… '.repeat(400) });
    const found = checkToolCost(tool);
    expect(estimateSchemaTokens([tool])).toBeGreaterThan(HEAVY_TOOL_TOKENS);
    expect(found).toMatchObject([{ severity: 'info', check: 'tool-schema-heavy' }]);
    expect(found[0]!.message).toContain(estimateSchemaTokens([tool]).toLocaleString('en'));
  });

  it('flags the connector (not a tool) when it lists more tools than the model takes per request', () => {
    const tools = Array.from({ length: 6 }, (_, i) => goodTool({ name: `get_thing_${i}` }));
    expect(checkConnectorCost(tools, 6, 'small-model')).toEqual([]);
    const found = checkConnectorCost(tools, 5, 'small-model');
    expect(found).toMatchObject([{ severity: 'warning', tool: null, check: 'connector-over-tool-limit' }]);
    expect(found[0]!.message).toContain('more than the 5 tools the model small-model takes per request');
  });
});
