import type { RunOutcome } from '@/lib/chat/running-runs';
import type { MessagePart } from '@/lib/db/message-parts';
import type { MessageRow } from '@/lib/db/rows';
import { startModelServer } from '../../fixtures/model-server';
import type { PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startGeneration, type WorkerGeneration } from './worker-generation';

export const API_KEY = 'sk-faults';
/** The model's names for the policy server's tools, on a connector labelled "Notes". */
export const READ = 'Notes__read_notes';
export const WRITE = 'Notes__write_note';

/** What one cycle saw, for the counts the suite prints. */
export interface CycleReport {
  killed: boolean;
  /** Writes the dead life had made when it died (the random point). */
  killedAtWrite: number;
  /** Writes the first life made in all (the whole turn when it was not killed). */
  firstLifeWrites: number;
  writesSent: number;
  /** Parts the new life found cut and marked (interrupted, outcome unknown). */
  marked: number;
  /** How many times the user's message is stored: 1, or it was lost (0) or doubled. */
  userMessages: number;
  problems: string[];
}

export interface CycleOptions {
  cycle: number;
  databaseName: string;
  conversationId: string;
  policy: PolicyServer;
  /** Kill after this many writes of the first life; beyond the cycle's writes means no kill. */
  killAtWrite: number;
}

/**
 * One conversation turn with a read-only and a write call (approved when its card shows), with
 * the worker killed once at `killAtWrite`; the next life resumes (as the background does when it
 * wakes), answers any card, and runs to the end. Then the invariants are checked.
 */
export async function runCycle(options: CycleOptions): Promise<CycleReport> {
  const { cycle, policy, conversationId } = options;
  const title = `cycle-${cycle}`;
  const model = await startModelServer({ apiKey: API_KEY, models: ['m1'] });
  model.script([
    { type: 'tool-calls', calls: [{ name: READ, arguments: '{}' }, { name: WRITE, arguments: JSON.stringify({ title, body: 'b' }) }] },
    { type: 'text', text: `Done ${title}.` },
  ]);
  const lives: WorkerGeneration[] = [];
  const start = () => startGeneration({ databaseName: options.databaseName, mcpUrl: policy.url, modelUrl: model.url, apiKey: API_KEY });
  const writesBefore = policy.calls.filter((c) => c.name === 'write_note' && c.arguments?.title === title).length;
  let killedAtWrite = 0;
  try {
    let life = await start();
    lives.push(life);
    life.killAfterWrites(options.killAtWrite);
    let outcome = await settle(life, life.engine.begin(conversationId, { type: 'send', text: `Please ${title}` }).done);
    if (outcome === 'dead') {
      killedAtWrite = life.writes();
      life = await start();
      lives.push(life);
      outcome = await settle(life, life.engine.resume(conversationId));
    }
    for (let rounds = 0; outcome !== 'dead' && outcome.state.type === 'awaiting-approval'; rounds++) {
      if (rounds > 3) throw new Error('The card kept coming back.');
      const callId = outcome.state.callIds[0]!;
      outcome = await settle(life, life.engine.begin(conversationId, { type: 'decide', callId, decision: 'allow', remembered: false }).done);
      if (outcome === 'dead' && lives.length === 1) {
        killedAtWrite = life.writes();
        life = await start();
        lives.push(life);
        outcome = await settle(life, life.engine.resume(conversationId));
      }
    }
    if (outcome === 'dead') throw new Error('The second life died: only one kill per cycle is planned.');
    const history = await life.store.history(conversationId);
    const writesSent = policy.calls.filter((c) => c.name === 'write_note' && c.arguments?.title === title).length - writesBefore;
    return { killed: lives.length > 1, killedAtWrite, firstLifeWrites: lives[0]!.writes(), writesSent, marked: countMarked(history), userMessages: userMessagesOf(history, title), problems: check(history, title, writesSent) };
  } finally {
    await Promise.all(lives.map((l) => l.dispose()));
    await model.close();
  }
}

/** The run's outcome, or 'dead' when the worker died first (a dead worker never hears back). */
function settle(life: WorkerGeneration, done: Promise<RunOutcome>): Promise<RunOutcome | 'dead'> {
  done.catch(() => undefined);
  return Promise.race([done, life.dead.then(() => 'dead' as const)]);
}

const isCut = (part: MessagePart) =>
  part.status.type === 'incomplete' && (part.status.reason.code === 'interrupted' || part.status.reason.code === 'outcome-unknown');

function countMarked(history: MessageRow[]): number {
  return history.flatMap((m) => m.parts).filter(isCut).length;
}

function userMessagesOf(history: MessageRow[], title: string): number {
  return history.filter((m) => m.role === 'user' && m.parts.some((p) => p.type === 'text' && p.text === `Please ${title}`)).length;
}

/** The invariants, as sentences naming what broke. */
function check(history: MessageRow[], title: string, writesSent: number): string[] {
  const problems: string[] = [];
  const asked = userMessagesOf(history, title);
  if (asked !== 1) problems.push(`the user's message is there ${asked} times, not once`);
  if (writesSent > 1) problems.push(`write_note reached the server ${writesSent} times`);
  const parts = history.flatMap((m) => m.parts);
  for (const part of parts) {
    if (part.status.type === 'running') problems.push(`a ${part.type} part is still running after the restart`);
  }
  const writes = parts.filter((p): p is Extract<MessagePart, { type: 'tool-call' }> => p.type === 'tool-call' && p.toolName === 'write_note');
  for (const call of writes) {
    const result = parts.find((p) => p.type === 'tool-result' && p.callId === call.callId);
    if (!result && writesSent === 1 && !isCut(call)) problems.push('the write reached the server, has no result, and is not marked outcome unknown');
    if (result && writesSent === 0) problems.push('the write has a result, yet the server never received it');
  }
  return problems;
}
