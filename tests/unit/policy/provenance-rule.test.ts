import { describe, expect, it } from 'vitest';
import { askDespiteRememberedAllow } from '@/lib/policy/provenance-rule';
import { decideToolCall, type ToolPolicyOutcome } from '@/lib/policy/tool-policy';

const write = { annotations: { destructiveHint: false }, askAlways: false, currentFingerprint: 'fp' };
const remembered = decideToolCall({ ...write, remembered: { decision: 'allow', toolFingerprint: 'fp' } });
const readOnly = decideToolCall({ ...write, annotations: { readOnlyHint: true }, remembered: undefined });
const asked = decideToolCall({ ...write, remembered: undefined });
const denied = decideToolCall({ ...write, remembered: { decision: 'deny', toolFingerprint: 'fp' } });

describe('a remembered allow and text from another connector', () => {
  it('turns a remembered allow into a card when the input crosses connectors', () => {
    expect(remembered).toMatchObject({ action: 'run', why: 'remembered-allow' });
    expect(askDespiteRememberedAllow(remembered, { crossesConnectors: true }, true)).toEqual({
      action: 'ask', why: 'cross-connector-input', risk: 'write', claims: remembered.claims,
    });
  });

  it.each<[string, ToolPolicyOutcome, boolean, boolean]>([
    ['the setting is off', remembered, true, false],
    ['the input does not cross connectors', remembered, false, true],
    ['a read-only call (no remembered allow needed)', readOnly, true, true],
    ['a call that asks anyway', asked, true, true],
    ['a remembered deny', denied, true, true],
  ])('leaves the outcome as it is when %s', (_name, outcome, crosses, enabled) => {
    expect(askDespiteRememberedAllow(outcome, { crossesConnectors: crosses }, enabled)).toBe(outcome);
  });
});
