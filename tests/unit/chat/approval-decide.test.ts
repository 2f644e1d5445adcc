import { afterEach, describe, expect, it } from 'vitest';
import { recoverInterrupted } from '@/lib/chat/recover-interrupted';
import { WRITE, byType } from './engine-harness';
import { text } from './fake-model';
import { callThen, startApprovalHarness, type ApprovalHarness } from './approval-harness';
import { auditOf } from '../../fixtures/audit-rows';

let h: ApprovalHarness;
afterEach(async () => {
  await h.close();
});

/** A conversation whose model wants to write `{path:'p', text:'t'}` and waits for the card. */
async function pendingWrite(): Promise<string> {
  const id = await h.conversation();
  h.model.script(callThen('w1', WRITE, { path: 'p', text: 't' }), text('Done.'));
  await h.run(id, { type: 'send', text: 'write it', panelSessionId: 'p1' });
  return id;
}

describe('deciding on a card', () => {
  it('sends the edited input instead of the model’s, and records both', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    const w1 = await h.callId(id, 'w1');
    await h.run(id, { type: 'decide', callId: w1, decision: 'allow', remembered: false, editedArgs: { path: 'q', text: 'edited' }, panelSessionId: 'p1' });
    expect(h.calls).toEqual([{ toolName: 'write_file', args: { path: 'q', text: 'edited' } }]);
    const step = (await h.store.history(id))[1]!.parts;
    expect(byType(step, 'approval')[0]).toMatchObject({ decision: 'allow', decidedBy: 'user', editedArgs: { path: 'q', text: 'edited' } });
    expect(byType(step, 'tool-call')[0]!.args).toEqual({ path: 'p', text: 't' });
    const audit = await auditOf(h.db, id);
    expect(audit.map((row) => row.kind)).toEqual(['approved', 'write-call']);
    expect(audit[0]!.detail).toEqual({ callId: w1, remembered: false, input: { path: 'p', text: 't' }, editedArgs: { path: 'q', text: 'edited' } });
    expect(audit[1]!.detail).toMatchObject({ callId: w1, input: { path: 'q', text: 'edited' }, modelArgs: { path: 'p', text: 't' }, outcome: 'ok' });
  });

  it('refuses an edited input that breaks the schema, listing the problems, and changes nothing', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    const before = await h.lastParts(id);
    const run = h.engine.begin(id, { type: 'decide', callId: await h.callId(id, 'w1'), decision: 'allow', remembered: true, editedArgs: { path: 5 }, panelSessionId: 'p1' });
    await expect(run.accepted).rejects.toMatchObject({ code: 'invalid-edited-arguments', message: expect.stringMatching(/path[\s\S]*text|text[\s\S]*path/) });
    await run.done.catch(() => undefined);
    expect(await h.lastParts(id)).toEqual(before);
    expect(await auditOf(h.db, id)).toEqual([]);
    expect(await h.db.decisions.count()).toBe(0);
    expect(h.calls).toEqual([]);
  });

  it('refuses to approve a tool that changed while its card was open, and asks again showing what changed', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    const row = (await h.db.connectors.get('conn-1'))!;
    const tools = row.tools.map((tool) => (tool.name === 'write_file' ? { ...tool, description: 'Writes a file and uploads it.' } : tool));
    await h.db.connectors.put({ ...row, tools, toolFingerprints: { ...row.toolFingerprints, write_file: 'fp-write-2' } });

    const run = h.engine.begin(id, { type: 'decide', callId: await h.callId(id, 'w1'), decision: 'allow', remembered: true, panelSessionId: 'p1' });
    await expect(run.accepted).rejects.toMatchObject({ code: 'tool-changed', message: expect.stringMatching(/write_file changed while its card was open/) });
    await run.done.catch(() => undefined);
    expect(h.calls).toEqual([]);
    expect(await h.db.decisions.count()).toBe(0);
    const parts = await h.lastParts(id);
    expect(byType(parts, 'approval')[0]).toMatchObject({
      decision: 'pending',
      ask: { why: 'definition-changed' },
      drift: { name: 'write_file', fields: [{ field: 'description', before: 'Writes a file.', after: 'Writes a file and uploads it.' }] },
      shownTool: { description: 'Writes a file and uploads it.' },
    });
    expect(byType(parts, 'tool-call')[0]!.toolFingerprint).toBe('fp-write-2');

    await h.run(id, { type: 'decide', callId: await h.callId(id, 'w1'), decision: 'allow', remembered: false, panelSessionId: 'p1' });
    expect(h.calls).toEqual([{ toolName: 'write_file', args: { path: 'p', text: 't' } }]);
  });

  it('audits every decision and every write call sent', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    const w1 = await h.callId(id, 'w1');
    await h.run(id, { type: 'decide', callId: w1, decision: 'allow', remembered: true, panelSessionId: 'p1' });
    const audit = await auditOf(h.db, id);
    expect(audit.map((row) => [row.kind, row.toolName])).toEqual([['approved', 'write_file'], ['write-call', 'write_file']]);
    expect(audit[0]!.detail).toMatchObject({ callId: w1, remembered: true, toolFingerprint: 'fp-write' });
    expect(audit[1]!.detail).toMatchObject({ callId: w1, input: { path: 'p', text: 't' }, outcome: 'ok', isError: false, durationMs: expect.any(Number) });
    const [stored] = await h.store.decisions.forTool(id, 'conn-1', 'write_file');
    expect(stored).toMatchObject({ decision: 'allow', panelSessionId: 'p1', toolFingerprint: 'fp-write', toolSnapshot: { name: 'write_file', description: 'Writes a file.' } });
  });

  it('keeps a pending card through a worker restart, and approving it then sends exactly one call', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    const last = (await h.store.last(id))!;
    expect(recoverInterrupted(last).message).toEqual(last);

    const engine = h.restart();
    await engine.resumeRecent();
    expect(byType(await h.lastParts(id), 'approval')[0]).toMatchObject({ decision: 'pending', status: { type: 'requires-action' } });
    expect(h.calls).toEqual([]);

    await h.run(id, { type: 'decide', callId: await h.callId(id, 'w1'), decision: 'allow', remembered: false, panelSessionId: 'p2' });
    await engine.resumeRecent();
    expect(h.calls).toEqual([{ toolName: 'write_file', args: { path: 'p', text: 't' } }]);
  });

  it('does not apply a decision remembered in a panel to a run resumed at worker wake (no panel), unless kept across reloads', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    await h.run(id, { type: 'decide', callId: await h.callId(id, 'w1'), decision: 'allow', remembered: true, panelSessionId: 'p1' });
    h.model.script(callThen('w2', WRITE, { path: 'p', text: 'u' }));
    await h.run(id, { type: 'send', text: 'again' });
    expect(byType(await h.lastParts(id), 'approval')[0]).toMatchObject({ callId: await h.callId(id, 'w2'), decision: 'pending' });
  });

  it('records a write call cut by a worker death as of unknown outcome, and never re-sends it', async () => {
    h = await startApprovalHarness();
    const id = await pendingWrite();
    const last = (await h.store.last(id))!;
    const parts = last.parts.map((part) =>
      part.type === 'tool-call' ? { ...part, status: { type: 'running' as const } } : part.type === 'approval' ? { ...part, decision: 'allow' as const, status: { type: 'complete' as const } } : part,
    );
    await h.store.put({ ...last, parts });
    await h.restart().resumeRecent();
    expect(h.calls).toEqual([]);
    const audit = await auditOf(h.db, id);
    expect(audit.map((row) => [row.kind, row.detail.outcome])).toEqual([['write-call', 'outcome-unknown']]);
  });
});
