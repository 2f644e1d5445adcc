import 'fake-indexeddb/auto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SamplingDraftSchema } from '@/lib/contract/sampling-draft';
import { SAMPLING_REQUESTS_PER_MINUTE } from '@/lib/sampling/sampling-rate-limit';
import { startModelServer, type ModelServer } from '../fixtures/model-server';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { waitFor } from './connector-hub-harness';
import { samplingHarness } from './sampling-harness';

const TOOL = 'trigger-sampling-request';
const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// The real server-everything asks the product's client (hub, broker, sampling kind) for a
// completion mid-call; the scripted model answers; the test plays the person.
describe('sampling against server-everything', () => {
  let everything: RunningServer;
  let model: ModelServer;
  let harness: Awaited<ReturnType<typeof samplingHarness>>;

  beforeEach(async () => {
    [everything, model] = await Promise.all([startServerEverything('streamableHttp'), startModelServer({ apiKey: 'sk-s', models: ['scripted-model'] })]);
    // The tool is listed only to a client that declares sampling.
    harness = await samplingHarness({ label: 'Everything', url: everything.url, tool: TOOL, model, apiKey: 'sk-s' });
  });
  afterEach(async () => {
    await harness.close();
    await Promise.all([everything.close(), model.close()]);
  });

  const call = (n = 1) => harness.hub.callTool(harness.id, TOOL, { prompt: `Say hello ${n}`, maxTokens: 40 }, { caller: { type: 'hand-run', callId: `run-${n}`, toolName: TOOL } });
  const rows = () => harness.rows();
  const rowWhere: typeof harness.rowWhere = (check, what) => harness.rowWhere(check, what);

  it('asks the person, samples the configured model on Approve, and sends the reviewed answer as the tool’s result', async () => {
    model.script([{ type: 'text', text: 'SCRIPTED-ANSWER-42' }]);
    const running = call();
    const pending = await rowWhere((row) => row.status === 'pending', 'the sampling card');
    expect(pending).toMatchObject({ kind: 'sampling', connectorLabel: 'Everything', origin: { type: 'hand-run', callId: 'run-1' }, params: { systemPrompt: 'You are a helpful test server.', maxTokens: 40 } });
    expect(model.requests).toHaveLength(0);

    await harness.broker.answer({ id: pending.id, answer: { action: 'approve' } });
    const review = await rowWhere((row) => row.status === 'review', 'the answer to review');
    const draft = SamplingDraftSchema.parse(review.draft);
    expect(draft.result).toEqual({ role: 'assistant', model: 'scripted-model', stopReason: 'endTurn', content: { type: 'text', text: 'SCRIPTED-ANSWER-42' } });
    const sent = JSON.stringify(model.requests.at(-1)!.body);
    expect(sent).toContain('You are a helpful test server.');
    expect(sent).toContain('Say hello 1');

    await harness.broker.answer({ id: pending.id, answer: { action: 'send', edit: { text: 'SCRIPTED-ANSWER-42 (reviewed)', toolInputs: {} } } });
    const result = await running;
    expect(textOf(result)).toContain('SCRIPTED-ANSWER-42 (reviewed)');
    const [audit] = await harness.db.audit.toArray();
    expect(audit).toMatchObject({ kind: 'server-request', toolName: TOOL, detail: { requestKind: 'sampling', outcome: 'sampled', response: { content: { text: 'SCRIPTED-ANSWER-42 (reviewed)' } } } });
  });

  it('answers Deny with the spec’s user-rejected error, never asking the model', async () => {
    const running = call();
    const pending = await rowWhere((row) => row.status === 'pending', 'the sampling card');
    await harness.broker.answer({ id: pending.id, answer: { action: 'deny' } });
    const result = await running;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('denied this sampling request');
    expect(model.requests).toHaveLength(0);
    expect((await harness.db.audit.toArray())[0]).toMatchObject({ detail: { outcome: 'denied', response: { error: { code: -1 } } } });
  });

  it('answers Discard after review with an error, and refuses Approve or Send out of turn', async () => {
    model.script([{ type: 'text', text: 'not sent' }]);
    const running = call();
    const pending = await rowWhere((row) => row.status === 'pending', 'the sampling card');
    await expect(harness.broker.answer({ id: pending.id, answer: { action: 'send', edit: { text: 'x', toolInputs: {} } } })).rejects.toMatchObject({ code: 'invalid-answer' });
    await harness.broker.answer({ id: pending.id, answer: { action: 'approve' } });
    await rowWhere((row) => row.status === 'review', 'the answer to review');
    await expect(harness.broker.answer({ id: pending.id, answer: { action: 'approve' } })).rejects.toMatchObject({ code: 'invalid-answer' });
    await harness.broker.answer({ id: pending.id, answer: { action: 'discard' } });
    const result = await running;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('discarded the model’s answer');
    expect(textOf(result)).not.toContain('not sent');
    expect((await harness.db.audit.toArray()).map((row) => row.detail.outcome)).toEqual(['discarded']);
  });

  it('puts the card back to Approve with the reason when the model fails, and a second Approve can still answer', async () => {
    model.script([{ type: 'error', status: 400, body: { error: { message: 'Scripted model refusal.', type: 'invalid_request_error', code: null } } }, { type: 'text', text: 'SECOND-TRY' }]);
    const running = call();
    const pending = await rowWhere((row) => row.status === 'pending', 'the sampling card');
    await harness.broker.answer({ id: pending.id, answer: { action: 'approve' } });
    const failed = await rowWhere((row) => row.status === 'pending' && row.reason !== undefined, 'the model failure on the card');
    expect(failed.reason).toMatch(/^The model did not answer: .*Scripted model refusal\..*Approve to try again, or deny\.$/);
    await harness.broker.answer({ id: pending.id, answer: { action: 'approve' } });
    await rowWhere((row) => row.status === 'review', 'the second answer');
    await harness.broker.answer({ id: pending.id, answer: { action: 'send', edit: { text: 'SECOND-TRY', toolInputs: {} } } });
    expect(textOf(await running)).toContain('SECOND-TRY');
  });

  it('refuses a server that loops, past the per-connector limit, with a clear error that is shown and audited', async () => {
    const calls = Array.from({ length: SAMPLING_REQUESTS_PER_MINUTE + 1 }, (_, n) => call(n));
    const refused = await rowWhere((row) => row.outcome === 'refused', 'the refused request');
    expect(refused.reason).toMatch(/Everything sent more than 6 in a minute/);
    await waitFor(async () => (await rows()).filter((row) => row.status === 'pending').length === SAMPLING_REQUESTS_PER_MINUTE, 'the admitted cards');
    for (const row of (await rows()).filter((r) => r.status === 'pending')) await harness.broker.answer({ id: row.id, answer: { action: 'deny' } });
    const results = await Promise.all(calls);
    expect(results.filter((result) => textOf(result).includes('sent more than 6 in a minute'))).toHaveLength(1);
    const outcomes = (await harness.db.audit.toArray()).map((row) => row.detail.outcome);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'denied')).toHaveLength(SAMPLING_REQUESTS_PER_MINUTE);
  });
});
