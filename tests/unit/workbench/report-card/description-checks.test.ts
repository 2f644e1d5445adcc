import { describe, expect, it } from 'vitest';
import { checkDescription } from '@/lib/workbench/report-card/description-checks';
import { checksOf, goodTool } from './tool';

describe('descriptions', () => {
  it('passes one that says what, when to use it and a limit', () => {
    expect(checkDescription(goodTool())).toEqual([]);
  });

  it('no description is a Warning, and the only finding', () => {
    expect(checkDescription(goodTool({ description: undefined }))).toMatchObject([{ severity: 'warning', check: 'description-missing' }]);
    expect(checksOf(checkDescription(goodTool({ description: '   ' })))).toEqual(['description-missing']);
  });

  it('a short one is Info, with one finding that names all three things to add', () => {
    const found = checkDescription(goodTool({ description: 'Creates a user.' }));
    expect(found).toMatchObject([{ severity: 'info', check: 'description-too-short' }]);
    expect(found[0]!.fix).toContain('Use this when');
  });

  it('flags a long one without "Use this when…" guidance', () => {
    const found = checkDescription(goodTool({ description: 'Returns the invoice with the given number; it does not search by customer name.' }));
    expect(checksOf(found)).toEqual(['description-no-when-to-use']);
  });

  it('flags a long one that names no limit or edge case', () => {
    const found = checkDescription(goodTool({ description: 'Returns the invoice with the given number. Use this when the user names an invoice.' }));
    expect(checksOf(found)).toEqual(['description-no-limits']);
  });
});
