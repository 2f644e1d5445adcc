import { describe, expect, it } from 'vitest';
import { recoverInterrupted } from '@/lib/chat/recover-interrupted';
import type { MessageRow } from '@/lib/db/rows';

const RUNNING = { type: 'running' } as const;

function message(parts: MessageRow['parts']): MessageRow {
  return { id: 'm1', conversationId: 'c1', seq: 1, role: 'assistant', parts, createdAt: 1 };
}

const call = (callId: string, task?: { status: 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled' }) => ({
  id: `part-${callId}`,
  type: 'tool-call' as const,
  status: RUNNING,
  callId,
  connectorId: 'k1',
  toolName: 'research',
  argsText: '{}',
  args: {},
  startedAt: 1,
  ...(task ? { task: { taskId: `task-${callId}`, status: task.status, updatedAt: 1 } } : {}),
});

const approved = (callId: string) => ({ id: `approval-${callId}`, type: 'approval' as const, status: { type: 'complete' as const }, callId, decision: 'allow' as const, remembered: false, shownTool: undefined });

describe('a worker restart with calls the server runs as tasks', () => {
  it('follows a live task, write or read, instead of re-sending it or marking its outcome unknown', () => {
    const { message: recovered, retryCallIds, followCallIds } = recoverInterrupted(message([call('w', { status: 'input_required' }), approved('w'), call('r', { status: 'working' })]));
    expect(followCallIds).toEqual(['w', 'r']);
    expect(retryCallIds).toEqual([]);
    expect(recovered.parts.filter((p) => p.type === 'tool-call').map((p) => p.status)).toEqual([RUNNING, RUNNING]);
  });

  it('follows a task stored as ended too (its result is still to be fetched); a call without a task is handled as before', () => {
    const { message: recovered, retryCallIds, followCallIds } = recoverInterrupted(message([call('w', { status: 'completed' }), approved('w'), call('r'), call('x'), approved('x')]));
    expect(followCallIds).toEqual(['w']);
    expect(retryCallIds).toEqual(['r']);
    expect(recovered.parts.find((p) => p.type === 'tool-call' && p.callId === 'x')!.status).toMatchObject({ type: 'incomplete', reason: { code: 'outcome-unknown' } });
  });
});
