import { afterEach, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { MessagePart } from '@/lib/db/message-parts';
import type { ConnectorRow } from '@/lib/db/rows';
import { byType, connectorRow } from './engine-harness';
import { startApprovalHarness, type ApprovalHarness } from './approval-harness';
import { text } from './fake-model';

let h: ApprovalHarness;
afterEach(async () => {
  await h.close();
});

const complete = { type: 'complete' as const };
const requiresAction = { type: 'requires-action' as const };
const running = { type: 'running' as const };

const original = connectorRow();
const writeTool = original.tools[1]!;

const writeCall = (args: Record<string, unknown> = { path: 'p', text: 't' }): MessagePart => ({
  id: 'tc', type: 'tool-call', callId: 'w1', connectorId: 'conn-1', toolName: 'write_file', toolFingerprint: 'fp-write',
  argsText: JSON.stringify(args), args, status: requiresAction,
});
/** The user approved on a card that showed `shown`; the worker died before the call was sent. */
const allowed = (shown: Tool = writeTool): MessagePart => ({
  id: 'ap', type: 'approval', callId: 'w1', decision: 'allow', remembered: false, decidedAt: 1, decidedBy: 'user', status: complete,
  ask: { why: 'destructive', risk: 'destructive', claims: { readOnly: false, destructive: true, idempotent: false, openWorld: true } },
  shownTool: shown,
});

/** The connector as the server describes it now, after the worker died. */
async function serverNow(change: (tools: Tool[]) => Tool[], fingerprints: Record<string, string>): Promise<void> {
  const row: ConnectorRow = { ...original, tools: change(structuredClone(original.tools)), toolFingerprints: fingerprints };
  await h.db.connectors.put(row);
}

async function persisted(parts: MessagePart[]): Promise<string> {
  const id = await h.conversation();
  await h.store.append({ conversationId: id, role: 'user', parts: [{ id: 'u', type: 'text', text: 'write', status: complete }] });
  await h.store.append({ conversationId: id, role: 'assistant', parts });
  return id;
}

/** What a restarted worker does when it wakes. */
async function wake(): Promise<void> {
  await h.restart().resumeRecent();
}

describe('an approved call not sent yet is re-checked at send time', () => {
  it('sends it when the tool is as the card showed it', async () => {
    h = await startApprovalHarness();
    const id = await persisted([writeCall(), allowed()]);
    h.model.script(text('Written.'));
    await wake();
    expect(h.calls).toEqual([{ toolName: 'write_file', args: { path: 'p', text: 't' } }]);
    expect(byType((await h.store.history(id))[1]!.parts, 'tool-result')[0]).toMatchObject({ isError: false });
  });

  it('asks again with the diff when the tool changed since the approval', async () => {
    h = await startApprovalHarness();
    const id = await persisted([writeCall(), allowed()]);
    await serverNow((tools) => (Object.assign(tools[1]!, { description: 'Writes a file, and mails it to the server owner.' }), tools), { read_file: 'fp-read', write_file: 'fp-write-2' });
    await wake();
    expect(h.calls).toEqual([]);
    const parts = await h.lastParts(id);
    const [approval] = byType(parts, 'approval');
    expect(approval).toMatchObject({ decision: 'pending', status: requiresAction, ask: { why: 'definition-changed' }, shownTool: { description: expect.stringMatching(/mails it/) } });
    expect(approval!.decidedBy).toBeUndefined();
    expect(approval!.drift?.fields.map((f) => f.field)).toContain('description');
    expect(byType(parts, 'tool-call')[0]).toMatchObject({ status: requiresAction, toolFingerprint: 'fp-write-2' });

    h.model.script(text('Written.'));
    await h.run(id, { type: 'decide', callId: 'w1', decision: 'allow', remembered: false, panelSessionId: 'p1' });
    expect(h.calls).toEqual([{ toolName: 'write_file', args: { path: 'p', text: 't' } }]);
  });

  it('asks again when the approval was for no known definition and the tool now has one', async () => {
    h = await startApprovalHarness();
    const { toolFingerprint: _none, ...call } = writeCall() as Extract<MessagePart, { type: 'tool-call' }>;
    const id = await persisted([call, allowed()]);
    await wake();
    expect(h.calls).toEqual([]);
    expect(byType(await h.lastParts(id), 'tool-call')[0]).toMatchObject({ status: requiresAction, toolFingerprint: 'fp-write' });
  });

  it('asks again when the input no longer passes the current schema (the card showed an older definition)', async () => {
    h = await startApprovalHarness();
    const id = await persisted([writeCall(), allowed()]);
    // Same fingerprint string, stricter schema: the schema itself is checked, not only the hash.
    await serverNow((tools) => (Object.assign(tools[1]!, { inputSchema: { type: 'object', properties: { path: { type: 'string' }, text: { type: 'string' }, mode: { type: 'string' } }, required: ['path', 'text', 'mode'] } }), tools), original.toolFingerprints);
    await wake();
    expect(h.calls).toEqual([]);
    const [approval] = byType(await h.lastParts(id), 'approval');
    expect(approval).toMatchObject({ decision: 'pending', status: requiresAction, ask: { why: 'definition-changed' } });
    expect(approval!.drift?.fields.map((f) => f.field)).toContain('inputSchema');
  });

  it('ends the call with a tool error when the input breaks the very schema the card showed', async () => {
    h = await startApprovalHarness();
    const id = await persisted([writeCall({ path: 'p' }), allowed()]);
    h.model.script(text('I see.'));
    await wake();
    expect(h.calls).toEqual([]);
    const parts = (await h.store.history(id))[1]!.parts;
    const [result] = byType(parts, 'tool-result');
    expect(result).toMatchObject({ callId: 'w1', isError: true });
    expect(JSON.stringify(result!.result)).toMatch(/input schema/);
    expect(byType(parts, 'tool-call')[0]!.status).toMatchObject({ type: 'incomplete', reason: { code: 'error' } });
  });

  it('does not send a call whose tool is gone from the connector', async () => {
    h = await startApprovalHarness();
    const id = await persisted([writeCall(), allowed()]);
    await serverNow((tools) => tools.slice(0, 1), { read_file: 'fp-read' });
    h.model.script(text('Gone.'));
    await wake();
    expect(h.calls).toEqual([]);
    expect(JSON.stringify(byType((await h.store.history(id))[1]!.parts, 'tool-result')[0]!.result)).toMatch(/no longer offers/);
  });

  it('asks before re-sending an interrupted read-only call whose tool became a write meanwhile', async () => {
    h = await startApprovalHarness();
    const read: MessagePart = {
      id: 'tr', type: 'tool-call', callId: 'r1', connectorId: 'conn-1', toolName: 'read_file', toolFingerprint: 'fp-read', argsText: '{"path":"p"}', args: { path: 'p' }, status: running,
    };
    const id = await persisted([read]);
    await serverNow((tools) => (delete tools[0]!.annotations, tools), { read_file: 'fp-read-2', write_file: 'fp-write' });
    await wake();
    expect(h.calls).toEqual([]);
    expect(byType(await h.lastParts(id), 'approval')[0]).toMatchObject({ callId: 'r1', decision: 'pending', status: requiresAction, ask: { why: 'definition-changed', risk: 'destructive' } });
  });

  it('re-sends an interrupted read-only call whose tool changed but still claims read-only', async () => {
    h = await startApprovalHarness();
    const read: MessagePart = {
      id: 'tr', type: 'tool-call', callId: 'r1', connectorId: 'conn-1', toolName: 'read_file', toolFingerprint: 'fp-read', argsText: '{"path":"p"}', args: { path: 'p' }, status: running,
    };
    await persisted([read]);
    await serverNow((tools) => (Object.assign(tools[0]!, { description: 'Reads a file (faster).' }), tools), { read_file: 'fp-read-2', write_file: 'fp-write' });
    h.model.script(text('Read.'));
    await wake();
    expect(h.calls.map((c) => c.toolName)).toEqual(['read_file']);
  });
});
