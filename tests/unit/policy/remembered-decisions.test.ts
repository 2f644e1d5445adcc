import { describe, expect, it } from 'vitest';
import { decisionApplicability, pickRememberedDecision, type DecisionScope, type StoredDecision } from '@/lib/policy/remembered-decisions';

const scope: DecisionScope = { conversationId: 'c1', connectorId: 'k1', toolName: 'write_note', panelSessionId: 'p1', keepAcrossReloads: false };
const stored = (over: Partial<StoredDecision> = {}): StoredDecision => ({
  conversationId: 'c1', connectorId: 'k1', toolName: 'write_note', panelSessionId: 'p1', decidedAt: 1, decision: 'allow', toolFingerprint: 'fp', ...over,
});

describe('decisionApplicability', () => {
  it('applies in the same conversation, connector, tool and panel session', () => {
    expect(decisionApplicability(stored(), scope)).toEqual({ applies: true });
  });

  it('a new conversation, another connector or another tool asks again', () => {
    expect(decisionApplicability(stored({ conversationId: 'c2' }), scope)).toEqual({ applies: false, why: 'other-conversation' });
    expect(decisionApplicability(stored({ connectorId: 'k2' }), scope)).toEqual({ applies: false, why: 'other-connector' });
    expect(decisionApplicability(stored({ toolName: 'delete_note' }), scope)).toEqual({ applies: false, why: 'other-tool' });
  });

  it('a panel reload asks again by default, not when the setting keeps decisions', () => {
    expect(decisionApplicability(stored({ panelSessionId: 'p0' }), scope)).toEqual({ applies: false, why: 'panel-reloaded' });
    expect(decisionApplicability(stored({ panelSessionId: 'p0' }), { ...scope, keepAcrossReloads: true })).toEqual({ applies: true });
  });

  it('keeping across reloads never carries a decision into another conversation', () => {
    expect(decisionApplicability(stored({ conversationId: 'c2', panelSessionId: 'p0' }), { ...scope, keepAcrossReloads: true }))
      .toEqual({ applies: false, why: 'other-conversation' });
  });
});

describe('pickRememberedDecision', () => {
  it('none stored, or none applicable: undefined', () => {
    expect(pickRememberedDecision([], scope)).toBeUndefined();
    expect(pickRememberedDecision([stored({ panelSessionId: 'p0' })], scope)).toBeUndefined();
  });

  it('the newest applicable decision wins, with the fingerprint it was made for', () => {
    const decisions = [
      stored({ decidedAt: 10, decision: 'allow', toolFingerprint: 'a' }),
      stored({ decidedAt: 30, decision: 'deny', toolFingerprint: 'b' }),
      stored({ decidedAt: 50, decision: 'allow', toolFingerprint: 'c', conversationId: 'other' }),
      stored({ decidedAt: 20, decision: 'allow', toolFingerprint: 'd' }),
    ];
    expect(pickRememberedDecision(decisions, scope)).toEqual({ decision: 'deny', toolFingerprint: 'b' });
  });

  it('a run with no panel load (resumed at worker wake) uses only decisions kept across reloads', () => {
    const noPanel = { ...scope, panelSessionId: undefined };
    expect(pickRememberedDecision([stored({})], noPanel)).toBeUndefined();
    expect(pickRememberedDecision([stored({ panelSessionId: undefined })], noPanel)).toBeUndefined();
    expect(pickRememberedDecision([stored({ toolFingerprint: 'k' })], { ...noPanel, keepAcrossReloads: true })).toEqual({ decision: 'allow', toolFingerprint: 'k' });
  });
});
