import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckIdSchema, type ReportCard } from '../../../lib/contract/report-finding';
import { createMcpClient } from '../../../lib/mcp/session/create-mcp-client';
import { buildReportCard } from '../../../lib/workbench/report-card/build-report-card';
import { startPoorToolsServer, type PoorToolsServer } from '../../fixtures/mcp-servers/poor-tools-server';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';

/** The server's tool list as Patchbay's own client receives it (eval-free validator, SDK's schemas). */
async function listedTools(url: string): Promise<Tool[]> {
  const client = createMcpClient();
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  try {
    return (await client.listTools()).tools;
  } finally {
    await client.close();
  }
}

function cardOf(label: string, tools: Tool[], toolLimit = 128): ReportCard {
  return buildReportCard({ connector: { id: `id-${label}`, label, tools, toolsFetchedAt: 1 }, others: [], model: 'scripted-model', toolLimit });
}

describe('the report card on real servers', () => {
  let poor: PoorToolsServer;
  let everything: RunningServer;

  beforeAll(async () => {
    [poor, everything] = await Promise.all([startPoorToolsServer(), startServerEverything('streamableHttp')]);
  });
  afterAll(async () => {
    await Promise.all([poor?.close(), everything?.close()]);
  });

  it('on the poor-tools fixture, every check fires and nothing else: exactly the set of check ids', async () => {
    const tools = await listedTools(poor.url);
    const card = cardOf('Poor', tools, 10);
    expect(new Set(card.findings.map((f) => f.check))).toEqual(new Set(CheckIdSchema.options));
    // The good tool of the fixture is never named.
    expect(card.findings.filter((f) => f.tool === 'get_invoice')).toEqual([]);
    expect(card.summary.counts.error).toBeGreaterThan(0);
    expect(card.summary.tools).toBe(tools.length);
  });

  it('on server-everything, no finding is an Error', async () => {
    const tools = await listedTools(everything.url);
    expect(tools.length).toBeGreaterThan(5);
    const card = cardOf('Everything', tools);
    expect(card.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(card.summary.schemaTokens).toBeGreaterThan(0);
  });
});
