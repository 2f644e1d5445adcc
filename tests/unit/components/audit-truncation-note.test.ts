import { describe, expect, it } from 'vitest';
import { AUDIT_KEEPS_TEXT, auditNote } from '@/components/settings/audit-text';
import { auditOfServerRequest } from '@/lib/requests/audit-server-request';
import type { ServerRequestRow } from '@/lib/contract/server-request';

const row = (params: Record<string, unknown>): ServerRequestRow => ({
  id: 'r1', connectorId: 'c1', connectorLabel: 'Flooder', kind: 'elicitation-form', params, origin: { type: 'hand-run', callId: 'h' },
  conversationId: null, unfamiliar: false, receivedAt: 1, status: 'done', outcome: 'refused', answeredAt: 2,
});

describe('a server request cut short, in the audit log', () => {
  it('says in the entry line how many bytes of the request were not kept', () => {
    const entry = auditOfServerRequest(row({ mode: 'form', message: 'Big', requestedSchema: { description: 'x'.repeat(20_000) } }));
    expect(auditNote(entry)).toMatch(/^refused · request truncated: 11,\d{3} bytes not kept$/);
  });

  it('says nothing of the kind for a request kept whole, or for a count that is not a number', () => {
    expect(auditNote(auditOfServerRequest(row({ mode: 'form', message: 'Small', requestedSchema: {} })))).toBe('refused');
    expect(auditNote({ kind: 'server-request', detail: { outcome: 'refused', requestTruncatedBytes: '<b>9</b>' } })).toBe('refused');
  });

  it('tells what the log keeps, numbers included', () => {
    expect(AUDIT_KEEPS_TEXT).toContain('never changed, never removed');
    expect(AUDIT_KEEPS_TEXT).toContain('newest 1,000 per connector, each with the first 8 KB of the request');
  });
});
