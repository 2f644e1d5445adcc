import { describe, expect, it } from 'vitest';
import { AppCallLostError } from '@/lib/apps/app-call-audit';
import { appCall, appCallsHarness } from './app-harness';

const textOf = (result: { content: unknown[] }) => JSON.stringify(result.content);

describe("an app's tools/call: the gates before anything is sent", () => {
  it('refuses a tool of another connector, even one the other connector offers', async () => {
    const h = appCallsHarness();
    h.rows.set('conn-1', { ...h.rows.get('conn-1')!, tools: [...h.rows.get('conn-1')!.tools, { name: 'only_elsewhere', inputSchema: { type: 'object' } }], enabledTools: ['only_elsewhere'] });
    const elsewhere = await h.calls.call(appCall('only_elsewhere'));
    expect(elsewhere).toMatchObject({ type: 'result', result: { isError: true } });
    expect(textOf((elsewhere as { result: { content: unknown[] } }).result)).toContain('only_elsewhere is not a tool of Apps');
    expect(h.sent).toEqual([]);
  });

  it('refuses a tool hidden from apps by _meta.ui.visibility, and one switched off', async () => {
    const h = appCallsHarness();
    const hidden = await h.calls.call(appCall('model_only'));
    expect(textOf((hidden as { result: { content: unknown[] } }).result)).toContain('not offered to apps');
    const off = await h.calls.call(appCall('switched_off'));
    expect(textOf((off as { result: { content: unknown[] } }).result)).toContain('switched off');
    expect(h.sent).toEqual([]);
  });

  it('refuses arguments that break the input schema', async () => {
    const h = appCallsHarness();
    const answer = await h.calls.call(appCall('read_file', { path: 7 }));
    expect(textOf((answer as { result: { content: unknown[] } }).result)).toContain("input schema");
    expect(h.sent).toEqual([]);
  });

  it('runs a read-only tool at once, marked as the app\'s in the protocol log', async () => {
    const h = appCallsHarness();
    const answer = await h.calls.call(appCall('read_file', { path: 'a' }));
    expect(answer).toMatchObject({ type: 'result', result: { content: [{ type: 'text', text: 'read_file ran' }] } });
    expect(h.sent).toEqual([{ connectorId: 'conn-app', toolName: 'read_file', args: { path: 'a' } }]);
    expect(h.log.map((event) => [event.method, (event.frame as { origin: string }).origin])).toEqual([['app: tools/call', 'app']]);
  });

  it('holds a write for the card; Deny sends nothing and the app gets an error; both are audited as the app\'s', async () => {
    const h = appCallsHarness();
    const answer = await h.calls.call(appCall('write_file', { path: 'a', text: 'b' }));
    expect(answer).toMatchObject({ type: 'ask', ask: { why: 'destructive', risk: 'destructive' }, tool: { name: 'write_file' } });
    expect(h.sent).toEqual([]);
    const denied = await h.calls.decide({ appCallId: (answer as { appCallId: string }).appCallId, decision: 'deny', remembered: false });
    expect(denied.isError).toBe(true);
    expect(h.sent).toEqual([]);
    expect(h.audit).toMatchObject([{ kind: 'denied', conversationId: 'conv-1', toolName: 'write_file', detail: { origin: 'app', app: 'show_app', remembered: false } }]);
  });

  it('Approve sends the write once and audits the decision and the call', async () => {
    const h = appCallsHarness();
    const answer = await h.calls.call(appCall('write_file', { path: 'a', text: 'b' }));
    const appCallId = (answer as { appCallId: string }).appCallId;
    const result = await h.calls.decide({ appCallId, decision: 'allow', remembered: false });
    expect(result.isError).toBeFalsy();
    expect(h.sent).toHaveLength(1);
    expect(h.audit.map((entry) => [entry.kind, entry.detail.origin])).toEqual([['approved', 'app'], ['write-call', 'app']]);
    // A decision is taken once: the same id again is a lost request, and nothing more is sent.
    await expect(h.calls.decide({ appCallId, decision: 'allow', remembered: false })).rejects.toBeInstanceOf(AppCallLostError);
    expect(h.sent).toHaveLength(1);
  });

  it('an edited input that breaks the schema is refused after approval, and nothing is sent', async () => {
    const h = appCallsHarness();
    const answer = await h.calls.call(appCall('write_file', { path: 'a', text: 'b' }));
    const result = await h.calls.decide({ appCallId: (answer as { appCallId: string }).appCallId, decision: 'allow', remembered: false, editedArgs: { path: 3 } });
    expect(result.isError).toBe(true);
    expect(h.sent).toEqual([]);
  });

  it('a remembered allow is bound to the tool and the app page: a new page asks again', async () => {
    const h = appCallsHarness();
    const first = await h.calls.call(appCall('write_file', { path: 'a', text: 'b' }));
    await h.calls.decide({ appCallId: (first as { appCallId: string }).appCallId, decision: 'allow', remembered: true, panelSessionId: 'panel-1' });
    expect(h.decisions).toMatchObject([{ toolFingerprint: 'fp-write+app:page-1', decision: 'allow' }]);
    const again = await h.calls.call(appCall('write_file', { path: 'c', text: 'd' }));
    expect(again.type).toBe('result');
    expect(h.sent).toHaveLength(2);
    h.setPageFingerprint('page-2');
    const changedPage = await h.calls.call(appCall('write_file', { path: 'e', text: 'f' }));
    expect(changedPage.type).toBe('ask');
    expect(h.sent).toHaveLength(2);
  });

  it("a decision remembered for the model's call does not let the app's call through", async () => {
    const h = appCallsHarness();
    h.decisions.push({ id: 'd1', conversationId: 'conv-1', connectorId: 'conn-app', toolName: 'write_file', toolFingerprint: 'fp-write', decision: 'allow', scope: 'conversation', decidedAt: Date.now(), panelSessionId: 'panel-1' });
    const answer = await h.calls.call(appCall('write_file', { path: 'a', text: 'b' }));
    expect(answer.type).toBe('ask');
    expect(h.sent).toEqual([]);
  });

  it('a held call lost with a restarted worker is refused with a clear error', async () => {
    const h = appCallsHarness();
    await expect(h.calls.decide({ appCallId: 'from-an-old-worker', decision: 'allow', remembered: false })).rejects.toThrow(/restarted/);
    expect(h.sent).toEqual([]);
  });
});

describe("the Audit log's note for an app's call", () => {
  it('says which app it came from', async () => {
    const { auditNote } = await import('@/components/settings/audit-text');
    expect(auditNote({ kind: 'denied', detail: { origin: 'app', app: 'show_app', remembered: false } })).toBe('from the show_app app');
    expect(auditNote({ kind: 'write-call', detail: { origin: 'app', app: 'show_app', outcome: 'ok' } })).toBe('from the show_app app · succeeded');
  });
});
