import { describe, expect, it } from 'vitest';
import { createReplayCommandHandlers } from '@/lib/background/replay-command-handlers';
import type { AuditRow, ConnectorRow } from '@/lib/db/rows';
import type { CommandRequest } from '@/lib/messaging/command-protocol';
import { connectorRow } from '../chat/engine-harness';

type Sent = CommandRequest<'connectors.callTool'>;

function setup(row: ConnectorRow = connectorRow()) {
  const sent: Sent[] = [];
  const audit: Omit<AuditRow, 'id'>[] = [];
  const handlers = createReplayCommandHandlers({
    connectors: { get: async (id) => (id === row.id ? row : undefined) },
    audit: { appendAudit: async (entry) => void audit.push(entry) },
    callTool: async (request) => {
      sent.push(request);
      return { result: { content: [{ type: 'text', text: 'done' }] }, totalBytes: 10, truncated: false, durationMs: 1 };
    },
    now: () => 5_000,
  });
  return { handlers, sent, audit };
}

const replayOf = { conversationId: 'conv-1', callId: 'call-original' };
const write = { connectorId: 'conn-1', toolName: 'write_file', callId: 'call-fresh', replayOf, args: { path: '/a', text: 'edited' } };

describe('replaying a chat call', () => {
  it('sends a read-only tool at once, under the fresh id, with the edited input', async () => {
    const { handlers, sent } = setup();
    expect(await handlers['replay.policy']({ connectorId: 'conn-1', toolName: 'read_file' })).toEqual({ needsApproval: false, risk: 'read-only' });
    await handlers['replay.run']({ ...write, toolName: 'read_file', args: { path: '/edited' } });
    expect(sent).toEqual([{ id: 'conn-1', callId: 'call-fresh', toolName: 'read_file', args: { path: '/edited' } }]);
  });

  it('refuses to send a write tool that was not approved, and sends nothing', async () => {
    const { handlers, sent } = setup();
    expect(await handlers['replay.policy']({ connectorId: 'conn-1', toolName: 'write_file' })).toEqual({ needsApproval: true, risk: 'destructive' });
    await expect(handlers['replay.run'](write)).rejects.toThrow(/approve the replay first/);
    expect(sent).toEqual([]);
  });

  it('sends an approved write once, only with the approved input, and audits the approval under the conversation', async () => {
    const { handlers, sent, audit } = setup();
    await handlers['replay.decide']({ ...write, decision: 'allow' });
    // Another input under the approved id does not pass, and spends the grant.
    await expect(handlers['replay.run']({ ...write, args: { path: '/a', text: 'something else' } })).rejects.toThrow(/approve/);
    await expect(handlers['replay.run'](write)).rejects.toThrow(/approve/);
    await handlers['replay.decide']({ ...write, decision: 'allow' });
    // The same input in another key order is the same input.
    await handlers['replay.run']({ ...write, args: { text: 'edited', path: '/a' } });
    await expect(handlers['replay.run'](write)).rejects.toThrow(/approve/);
    expect(sent).toHaveLength(1);
    expect(audit[0]).toEqual({
      at: 5_000,
      kind: 'approved',
      conversationId: 'conv-1',
      connectorId: 'conn-1',
      toolName: 'write_file',
      detail: { callId: 'call-fresh', input: write.args, risk: 'destructive', origin: 'replay', replayOf: 'call-original' },
    });
  });

  it('audits a denial and sends nothing after it', async () => {
    const { handlers, sent, audit } = setup();
    await handlers['replay.decide']({ ...write, decision: 'allow' });
    await handlers['replay.decide']({ ...write, decision: 'deny' });
    await expect(handlers['replay.run'](write)).rejects.toThrow(/approve/);
    expect(sent).toEqual([]);
    expect(audit.map((entry) => entry.kind)).toEqual(['approved', 'denied']);
  });

  it('never reuses the original call id, and refuses a tool the server no longer offers', async () => {
    const { handlers, sent } = setup();
    await expect(handlers['replay.decide']({ ...write, callId: 'call-original', decision: 'allow' })).rejects.toThrow(/fresh call id/);
    await expect(handlers['replay.run']({ ...write, toolName: 'read_file', callId: 'call-original' })).rejects.toThrow(/fresh call id/);
    await expect(handlers['replay.run']({ ...write, toolName: 'gone_tool' })).rejects.toThrow(/no longer offers a tool named gone_tool/);
    expect(sent).toEqual([]);
  });

  it('asks before a read-only tool too when the connector is set to ask always', async () => {
    const { handlers } = setup({ ...connectorRow(), askAlways: true });
    expect(await handlers['replay.policy']({ connectorId: 'conn-1', toolName: 'read_file' })).toEqual({ needsApproval: true, risk: 'read-only' });
  });
});
