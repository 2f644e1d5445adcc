import { describe, expect, it } from 'vitest';
import type { AuditRow } from '@/lib/db/rows';
import { auditToJson } from '@/lib/policy/audit-export';

const row = (over: Partial<AuditRow>): AuditRow => ({ id: 1, at: 1_000, kind: 'approved', conversationId: 'c1', connectorId: 'k1', toolName: 'write_note', detail: {}, ...over });

describe('auditToJson', () => {
  it('exports every row oldest first, with readable times and a format tag', () => {
    const json = JSON.parse(auditToJson([row({ id: 2, at: 2_000, kind: 'write-call', detail: { outcome: 'ok' } }), row({ id: 1 })], Date.UTC(2026, 0, 1)));
    expect(json).toMatchObject({ format: 'patchbay-audit', version: 1, exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(json.entries.map((e: AuditRow) => [e.id, e.kind])).toEqual([[1, 'approved'], [2, 'write-call']]);
    expect(json.entries[0].time).toBe('1970-01-01T00:00:01.000Z');
    expect(json.entries[1].detail).toEqual({ outcome: 'ok' });
  });

  it('refuses a corrupt row instead of exporting it', () => {
    expect(() => auditToJson([{ ...row({}), kind: 'edited' as never }])).toThrow();
  });
});
