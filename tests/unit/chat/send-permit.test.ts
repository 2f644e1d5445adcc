import { describe, expect, it } from 'vitest';
import { approvalsById, callsById } from '@/components/chat/message-state';
import { sendPermit } from '@/lib/chat/send-permit';
import type { MessagePart, PartStatus } from '@/lib/db/message-parts';

const running: PartStatus = { type: 'running' };
const waiting: PartStatus = { type: 'requires-action' };
const complete: PartStatus = { type: 'complete' };

const call = (id: string, callId: string, status: PartStatus, extra: Partial<Extract<MessagePart, { type: 'tool-call' }>> = {}): MessagePart => ({
  id, type: 'tool-call', callId, connectorId: 'k', toolName: id, argsText: '{}', args: { from: id }, status, ...extra,
});
const approval = (callId: string, decision: 'pending' | 'allow' | 'deny', extra: Partial<Extract<MessagePart, { type: 'approval' }>> = {}): MessagePart => ({
  id: `a-${callId}-${decision}`, type: 'approval', callId, decision, remembered: false, status: decision === 'pending' ? waiting : complete, ...extra,
});
const result = (callId: string): MessagePart => ({ id: `r-${callId}`, type: 'tool-result', callId, result: { content: [] }, isError: false, sizeBytes: 2, status: complete });

describe('the gate before callTool', () => {
  it('sends a call admitted read-only, and an approved one with the input the user approved', () => {
    expect(sendPermit([call('read', 'c1', running)], 'c1')).toMatchObject({ type: 'send', input: { from: 'read' }, approval: undefined });
    const approved = [call('write', 'c1', waiting), approval('c1', 'allow', { editedArgs: { edited: true } })];
    expect(sendPermit(approved, 'c1')).toMatchObject({ type: 'send', input: { edited: true } });
  });

  it('never sends a write whose card is still pending, even when it is marked running', () => {
    expect(sendPermit([call('write', 'c1', waiting), approval('c1', 'pending')], 'c1')).toEqual({ type: 'skip' });
    expect(sendPermit([call('write', 'c1', running), approval('c1', 'pending')], 'c1')).toEqual({ type: 'skip' });
  });

  it('refuses a call that waits for an approval nobody was asked for, and a denied one', () => {
    expect(sendPermit([call('write', 'c1', waiting)], 'c1')).toMatchObject({ type: 'refuse' });
    expect(sendPermit([call('write', 'c1', waiting), approval('c1', 'deny')], 'c1')).toMatchObject({ type: 'refuse' });
  });

  it('refuses to guess between two parts that share a call id', () => {
    const parts = [call('write', 'dup', waiting), approval('dup', 'allow'), call('read', 'dup', running)];
    expect(sendPermit(parts, 'dup')).toMatchObject({ type: 'refuse', reason: expect.stringMatching(/more than one/i) });
    const twoApprovals = [call('write', 'c1', waiting), approval('c1', 'allow'), approval('c1', 'pending')];
    expect(sendPermit(twoApprovals, 'c1')).toMatchObject({ type: 'refuse' });
  });

  it('sends an approved call at most once', () => {
    const inFlight = [call('write', 'c1', running, { startedAt: 1 }), approval('c1', 'allow')];
    expect(sendPermit(inFlight, 'c1')).toEqual({ type: 'skip' });
    const sentBefore = [call('write', 'c1', waiting, { startedAt: 1 }), approval('c1', 'allow')];
    expect(sendPermit(sentBefore, 'c1')).toMatchObject({ type: 'refuse' });
    expect(sendPermit([call('write', 'c1', complete), approval('c1', 'allow'), result('c1')], 'c1')).toEqual({ type: 'skip' });
    expect(sendPermit([call('read', 'c1', running), result('c1')], 'c1')).toEqual({ type: 'skip' });
  });

  it('refuses an allow whose approval never completed (a half-written or imported one)', () => {
    expect(sendPermit([call('write', 'c1', waiting), approval('c1', 'allow', { status: waiting })], 'c1')).toMatchObject({ type: 'refuse' });
  });
});

describe('the panel resolves a card to the call the background would send', () => {
  it('shows no card for an id two calls share, as the background refuses it', () => {
    const parts = [call('write', 'dup', waiting), approval('dup', 'pending'), call('read', 'dup', running)];
    expect(callsById(parts).has('dup')).toBe(false);
    expect(sendPermit(parts, 'dup').type).toBe('refuse');
  });

  it('pairs each card with its own call by Patchbay’s id', () => {
    const parts = [call('write', 'c1', waiting, { providerCallId: 'same' }), approval('c1', 'pending'), call('read', 'c2', running, { providerCallId: 'same' })];
    expect(callsById(parts).get(approvalsById(parts).get('c1')!.callId)).toMatchObject({ toolName: 'write' });
  });
});
