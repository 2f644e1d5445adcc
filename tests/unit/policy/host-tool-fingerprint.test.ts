import { describe, expect, it } from 'vitest';
import { changeKind, hostToolFingerprint, pageUnreadable, rebindTool, toolPartOf } from '@/lib/policy/host-tool-fingerprint';
import { decideToolCall } from '@/lib/policy/tool-policy';
import { appCallFingerprint } from '@/lib/apps/admit-app-call';

const WRITE = { readOnlyHint: false, destructiveHint: false };
const decide = (remembered: string, current: string | undefined) =>
  decideToolCall({ annotations: WRITE, askAlways: false, remembered: { decision: 'allow', toolFingerprint: remembered }, currentFingerprint: current });

describe("a tool's app page is part of what the model's call is approved for", () => {
  it('keeps a remembered allow while definition and page are the same', () => {
    expect(decide(hostToolFingerprint('t1', 'p1'), hostToolFingerprint('t1', 'p1'))).toMatchObject({ action: 'run', why: 'remembered-allow' });
  });

  it('voids it when only the page changed, and says so', () => {
    expect(decide(hostToolFingerprint('t1', 'p1'), hostToolFingerprint('t1', 'p2'))).toMatchObject({ action: 'ask', why: 'app-page-changed' });
  });

  it('voids it as a changed definition when the tool changed', () => {
    expect(decide(hostToolFingerprint('t1', 'p1'), hostToolFingerprint('t2', 'p1'))).toMatchObject({ action: 'ask', why: 'definition-changed' });
  });

  it('never applies a decision while the page cannot be read, not even one made while it could not', () => {
    const unreadable = hostToolFingerprint('t1', undefined);
    expect(pageUnreadable(unreadable)).toBe(true);
    expect(decide(unreadable, unreadable)).toMatchObject({ action: 'ask', why: 'app-page-changed' });
    expect(decide(hostToolFingerprint('t1', 'p1'), unreadable)).toMatchObject({ action: 'ask', why: 'app-page-changed' });
  });

  it("is not the fingerprint an app's own call of the same tool is bound to", () => {
    expect(hostToolFingerprint('t1', 'p1')).not.toBe(appCallFingerprint('t1', 'p1'));
  });

  it('rebinds a changed definition with the page kept, and reads the definition part back', () => {
    expect(rebindTool(hostToolFingerprint('t1', 'p1'), 't2')).toBe(hostToolFingerprint('t2', 'p1'));
    expect(rebindTool('t1', 't2')).toBe('t2');
    expect(toolPartOf(hostToolFingerprint('t1', 'p1'))).toBe('t1');
    expect(changeKind('t1', 't1')).toBe('definition-changed');
  });
});
