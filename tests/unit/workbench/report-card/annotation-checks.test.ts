import { describe, expect, it } from 'vitest';
import { checkAnnotations } from '@/lib/workbench/report-card/annotation-checks';
import { checksOf, goodTool } from './tool';

describe('annotations', () => {
  it('passes a read that says readOnlyHint: true, and a write that says false', () => {
    expect(checkAnnotations(goodTool())).toEqual([]);
    expect(checkAnnotations(goodTool({ name: 'delete_invoice', annotations: { readOnlyHint: false, destructiveHint: true } }))).toEqual([]);
  });

  it('no annotations (or only a title) is a Warning that says every call asks for approval', () => {
    for (const annotations of [undefined, { title: 'Invoice' }]) {
      const found = checkAnnotations(goodTool({ annotations }));
      expect(found).toMatchObject([{ severity: 'warning', check: 'annotations-missing' }]);
      expect(found[0]!.message).toContain('every call asks the user for approval');
    }
    expect(checkAnnotations(goodTool({ annotations: undefined }))[0]!.fix).toContain('"readOnlyHint": true');
    expect(checkAnnotations(goodTool({ name: 'create_invoice', annotations: undefined }))[0]!.fix).toContain('"readOnlyHint": false');
  });

  it('hints without readOnlyHint is a Warning too', () => {
    const found = checkAnnotations(goodTool({ annotations: { idempotentHint: true } }));
    expect(found).toMatchObject([{ severity: 'warning', check: 'read-only-hint-missing' }]);
    expect(found[0]!.message).toContain('every call asks the user for approval');
  });

  it('destructiveHint on a tool named like a read', () => {
    expect(checksOf(checkAnnotations(goodTool({ name: 'get_report', annotations: { readOnlyHint: false, destructiveHint: true } })))).toEqual(['destructive-read']);
    expect(checksOf(checkAnnotations(goodTool({ name: 'get_report', annotations: { readOnlyHint: false, destructiveHint: false } })))).toEqual([]);
  });

  it('readOnlyHint: true on a tool named like a write: it would run without asking', () => {
    const found = checkAnnotations(goodTool({ name: 'delete_everything', annotations: { readOnlyHint: true } }));
    expect(found).toMatchObject([{ severity: 'warning', check: 'read-only-write-name' }]);
    expect(found[0]!.message).toContain('without asking');
  });
});
