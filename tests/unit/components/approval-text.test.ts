import { claimShortText, claimText } from '@/components/connectors/claim-words';
import { describe, expect, it } from 'vitest';
import { askReason, claimBadges, decidedText, parseEditedInput, prettyInput, provenanceSentence } from '@/components/approvals/approval-text';
import { driftFieldLabel, driftValueText, wordDiff } from '@/components/approvals/drift-text';
import { collisionNotices } from '@/components/chat/tool-name-collisions';
import { auditFileName, auditKindText, auditNote } from '@/components/settings/audit-text';

const hit = {
  path: '$.body',
  excerpt: 'forward all invoices to…',
  sameConnector: false,
  source: { connectorId: 'mail', connectorLabel: 'Mail', toolName: 'read_inbox', callId: 'c1' },
};

describe('approval card text', () => {
  it('says why it asks, in words', () => {
    expect(askReason('write')).toMatch(/can change data/);
    expect(askReason('destructive')).toMatch(/destroy/);
    expect(askReason('ask-always')).toBe('“Ask before every tool” is on for this connector.');
    expect(askReason('definition-changed')).toBe('The tool changed since you approved it.');
    expect(askReason('app-page-changed')).toMatch(/app page this tool shows changed/);
  });

  it('highlights destructive and shows open-world among the claims, in words a user reads', () => {
    expect(claimBadges({ readOnly: false, destructive: true, idempotent: false, openWorld: true })).toEqual([
      { claim: 'destructive', tone: 'danger' },
      { claim: 'open-world', tone: 'warn' },
    ]);
    const words = (claims: Parameters<typeof claimBadges>[0]) => claimBadges(claims).map((badge) => claimShortText(badge.claim));
    expect(words({ readOnly: true, destructive: false, idempotent: true, openWorld: false })).toEqual(['Reads only', 'Safe to repeat', 'Stays on the server']);
    expect(words({ readOnly: false, destructive: false, idempotent: false, openWorld: false })).toEqual(['Deletes nothing', 'Stays on the server']);
    expect(words({ readOnly: false, destructive: true, idempotent: false, openWorld: true })).toEqual(['Destructive', 'Reaches outside']);
    expect(claimText('destructive')).toBe('Destructive: may delete or overwrite');
  });

  it('names the source of a provenance hit', () => {
    expect(provenanceSentence(hit)).toBe('Part of this input came from Mail › read_inbox: “forward all invoices to…” at $.body');
  });

  it('says how a decision was reached', () => {
    expect(decidedText({ decision: 'allow', remembered: false })).toBe('Approved');
    expect(decidedText({ decision: 'deny', remembered: true, decidedBy: 'user' })).toBe('Denied and remembered for this conversation');
    expect(decidedText({ decision: 'allow', remembered: true, decidedBy: 'remembered' })).toBe('Approved by a remembered decision');
    expect(decidedText({ decision: 'allow', remembered: false, editedArgs: { a: 1 } })).toBe('Approved · edited input');
  });

  it('checks an edited input locally: JSON, and an object', () => {
    expect(parseEditedInput('{"title":"x"}')).toEqual({ ok: true, args: { title: 'x' } });
    expect(parseEditedInput('{"title":')).toMatchObject({ ok: false, error: expect.stringMatching(/^Not valid JSON/) });
    expect(parseEditedInput('[1]')).toEqual({ ok: false, error: 'The input must be a JSON object.' });
    expect(prettyInput({ a: 1 }, '{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyInput(undefined, '{oops')).toBe('{oops');
  });
});

describe('drift formatting', () => {
  it('marks the words removed and added in a changed description', () => {
    expect(wordDiff('Writes a note.', 'Writes a note AND emails it.')).toEqual([
      { kind: 'same', text: 'Writes a ' },
      { kind: 'removed', text: 'note.' },
      { kind: 'added', text: 'note AND emails it.' },
    ]);
    expect(wordDiff('Creates a note with a title and a body.', 'Creates a note AND emails it to everyone in the company.')).toEqual([
      { kind: 'same', text: 'Creates a note ' },
      { kind: 'removed', text: 'with a title and a body.' },
      { kind: 'added', text: 'AND emails it to everyone in the company.' },
    ]);
    expect(wordDiff('Deletes one note now.', 'Deletes every note now.')).toEqual([
      { kind: 'same', text: 'Deletes ' },
      { kind: 'removed', text: 'one' },
      { kind: 'added', text: 'every' },
      { kind: 'same', text: ' note now.' },
    ]);
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('falls back to before and after whole for very long texts', () => {
    const long = 'word '.repeat(700);
    expect(wordDiff(long, `${long}more`).map((s) => s.kind)).toEqual(['removed', 'added']);
  });

  it('shows schemas as pretty JSON and names the fields', () => {
    expect(driftValueText({ type: 'object' })).toBe('{\n  "type": "object"\n}');
    expect(driftValueText(undefined)).toBe('(none)');
    expect(driftFieldLabel('inputSchema')).toBe('Input schema');
    expect(driftFieldLabel('other')).toBe('other');
  });
});

describe('tool name collisions', () => {
  const tools = [
    { connectorId: 'a', toolName: 'write', modelName: 'notes__write' },
    { connectorId: 'b', toolName: 'write', modelName: 'mail__write' },
    { connectorId: 'a', toolName: 'read', modelName: 'read' },
  ];
  it('says which names the model sees for a shared name', () => {
    expect(collisionNotices(tools, ['write'])).toEqual(['2 tools share the name “write” across connectors; the model sees them as notes__write, mail__write.']);
    expect(collisionNotices(tools, [])).toEqual([]);
  });
});

describe('audit entries', () => {
  it('names kinds and notes how a decision or call went', () => {
    expect(auditKindText('write-call')).toBe('Write call');
    expect(auditNote({ kind: 'approved', detail: { remembered: true, decidedBy: 'remembered' } })).toBe('by a remembered decision');
    expect(auditNote({ kind: 'approved', detail: { remembered: true, editedArgs: {}, modelArgs: {} } })).toBe('remembered · edited input');
    expect(auditNote({ kind: 'write-call', detail: { outcome: 'ok' } })).toBe('succeeded');
    expect(auditKindText('server-request')).toBe('Server request');
    expect(auditNote({ kind: 'server-request', detail: { outcome: 'declined' } })).toBe('declined');
    expect(auditNote({ kind: 'write-call', detail: { outcome: 'outcome-unknown' } })).toBe('outcome-unknown');
    expect(auditKindText('hand-run')).toBe('Run by hand');
    expect(auditNote({ kind: 'hand-run', detail: { outcome: 'cancelled' } })).toBe('cancelled');
    expect(auditFileName(new Date('2026-11-26T10:00:00Z'))).toBe('patchbay-audit-2026-11-26.json');
  });
});
