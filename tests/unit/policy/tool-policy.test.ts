import { describe, expect, it } from 'vitest';
import { decideToolCall, resolveClaims, type ClaimedAnnotations, type RememberedDecision } from '@/lib/policy/tool-policy';

const CURRENT = 'fp-current';
const OLD = 'fp-old';

const TOOLS = {
  'read-only': { readOnlyHint: true },
  write: { readOnlyHint: false, destructiveHint: false },
  destructive: { readOnlyHint: false, destructiveHint: true },
} satisfies Record<string, ClaimedAnnotations>;

type Kind = keyof typeof TOOLS;
type Remembered = 'none' | 'allow' | 'deny';
type Fingerprint = 'same' | 'changed';
type Row = [kind: Kind, askAlways: boolean, remembered: Remembered, fingerprint: Fingerprint, action: string, why: string, risk: string];

// Written out by hand: every combination and what must come of it.
const TABLE: Row[] = [
  ['read-only', false, 'none', 'same', 'run', 'read-only', 'read-only'],
  ['read-only', false, 'none', 'changed', 'run', 'read-only', 'read-only'],
  ['read-only', false, 'allow', 'same', 'run', 'read-only', 'read-only'],
  ['read-only', false, 'allow', 'changed', 'ask', 'definition-changed', 'read-only'],
  ['read-only', false, 'deny', 'same', 'deny', 'remembered-deny', 'read-only'],
  ['read-only', false, 'deny', 'changed', 'ask', 'definition-changed', 'read-only'],
  ['read-only', true, 'none', 'same', 'ask', 'ask-always', 'read-only'],
  ['read-only', true, 'none', 'changed', 'ask', 'ask-always', 'read-only'],
  ['read-only', true, 'allow', 'same', 'run', 'remembered-allow', 'read-only'],
  ['read-only', true, 'allow', 'changed', 'ask', 'definition-changed', 'read-only'],
  ['read-only', true, 'deny', 'same', 'deny', 'remembered-deny', 'read-only'],
  ['read-only', true, 'deny', 'changed', 'ask', 'definition-changed', 'read-only'],
  ['write', false, 'none', 'same', 'ask', 'write', 'write'],
  ['write', false, 'none', 'changed', 'ask', 'write', 'write'],
  ['write', false, 'allow', 'same', 'run', 'remembered-allow', 'write'],
  ['write', false, 'allow', 'changed', 'ask', 'definition-changed', 'write'],
  ['write', false, 'deny', 'same', 'deny', 'remembered-deny', 'write'],
  ['write', false, 'deny', 'changed', 'ask', 'definition-changed', 'write'],
  ['write', true, 'none', 'same', 'ask', 'write', 'write'],
  ['write', true, 'none', 'changed', 'ask', 'write', 'write'],
  ['write', true, 'allow', 'same', 'run', 'remembered-allow', 'write'],
  ['write', true, 'allow', 'changed', 'ask', 'definition-changed', 'write'],
  ['write', true, 'deny', 'same', 'deny', 'remembered-deny', 'write'],
  ['write', true, 'deny', 'changed', 'ask', 'definition-changed', 'write'],
  ['destructive', false, 'none', 'same', 'ask', 'destructive', 'destructive'],
  ['destructive', false, 'none', 'changed', 'ask', 'destructive', 'destructive'],
  ['destructive', false, 'allow', 'same', 'run', 'remembered-allow', 'destructive'],
  ['destructive', false, 'allow', 'changed', 'ask', 'definition-changed', 'destructive'],
  ['destructive', false, 'deny', 'same', 'deny', 'remembered-deny', 'destructive'],
  ['destructive', false, 'deny', 'changed', 'ask', 'definition-changed', 'destructive'],
  ['destructive', true, 'none', 'same', 'ask', 'destructive', 'destructive'],
  ['destructive', true, 'none', 'changed', 'ask', 'destructive', 'destructive'],
  ['destructive', true, 'allow', 'same', 'run', 'remembered-allow', 'destructive'],
  ['destructive', true, 'allow', 'changed', 'ask', 'definition-changed', 'destructive'],
  ['destructive', true, 'deny', 'same', 'deny', 'remembered-deny', 'destructive'],
  ['destructive', true, 'deny', 'changed', 'ask', 'definition-changed', 'destructive'],
];

const remembered = (kind: Remembered, fingerprint: Fingerprint): RememberedDecision | undefined =>
  kind === 'none' ? undefined : { decision: kind, toolFingerprint: fingerprint === 'same' ? CURRENT : OLD };

describe('decideToolCall: the approval table', () => {
  it('covers every combination once', () => {
    expect(new Set(TABLE.map((row) => row.slice(0, 4).join('|'))).size).toBe(3 * 2 * 3 * 2);
  });

  it.each(TABLE)('%s tool, ask always %s, remembered %s, fingerprint %s → %s (%s, risk %s)', (kind, askAlways, rem, fingerprint, action, why, risk) => {
    const outcome = decideToolCall({ annotations: TOOLS[kind], askAlways, remembered: remembered(rem, fingerprint), currentFingerprint: CURRENT });
    expect({ action: outcome.action, why: outcome.why, risk: outcome.risk }).toEqual({ action, why, risk });
  });
});

describe('annotations are claims, with the spec defaults', () => {
  const decide = (annotations: ClaimedAnnotations | undefined) => decideToolCall({ annotations, askAlways: false, remembered: undefined, currentFingerprint: CURRENT });

  it('no annotations at all: a destructive, open-world write', () => {
    expect(decide(undefined)).toMatchObject({ action: 'ask', why: 'destructive', risk: 'destructive' });
    expect(resolveClaims(undefined)).toEqual({ readOnly: false, destructive: true, idempotent: false, openWorld: true });
  });

  it('readOnlyHint false or absent, destructiveHint absent: destructive (default true)', () => {
    expect(decide({ readOnlyHint: false })).toMatchObject({ why: 'destructive' });
    expect(decide({ idempotentHint: true, openWorldHint: false })).toMatchObject({ why: 'destructive' });
  });

  it('destructiveHint false without readOnlyHint: a plain write, still asked', () => {
    expect(decide({ destructiveHint: false })).toMatchObject({ action: 'ask', why: 'write', risk: 'write' });
  });

  it('destructiveHint is ignored on a read-only tool (meaningful only when readOnlyHint is false)', () => {
    expect(decide({ readOnlyHint: true, destructiveHint: true })).toMatchObject({ action: 'run', why: 'read-only' });
    expect(resolveClaims({ readOnlyHint: true, destructiveHint: true })).toEqual({ readOnly: true, destructive: false, idempotent: true, openWorld: true });
  });

  it('openWorldHint and idempotentHint are carried for the card, explicit values kept', () => {
    expect(decide({ readOnlyHint: false, destructiveHint: false, openWorldHint: false, idempotentHint: true }).claims)
      .toEqual({ readOnly: false, destructive: false, idempotent: true, openWorld: false });
  });

  it('a remembered decision cannot be checked against an unknown current fingerprint: ask', () => {
    const outcome = decideToolCall({ annotations: TOOLS.write, askAlways: false, remembered: { decision: 'allow', toolFingerprint: CURRENT }, currentFingerprint: undefined });
    expect(outcome).toMatchObject({ action: 'ask', why: 'definition-changed' });
  });
});
