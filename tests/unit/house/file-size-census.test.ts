import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rule "small files with one job": none over 300 lines, median under 100, in lib/ and
 * components/. Counted over .ts and .tsx, the files that hold behaviour and views; a stylesheet is
 * a flat list of rules with no imports to untangle, and splitting it would only add load order.
 */
const ROOTS = ['lib', 'components'];
const MAX_LINES = 300;
const MEDIAN_BELOW = 100;

interface Counted {
  path: string;
  lines: number;
}

/** Lines as `wc -l` counts them, plus a last line with no newline at its end. */
function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

function census(root: string, dirs: readonly string[]): Counted[] {
  const counted: Counted[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) counted.push({ path: relative(root, path), lines: lineCount(readFileSync(path, 'utf8')) });
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return counted.sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What the census finds wrong, one line per offender, ready to print. */
function offenders(counted: readonly Counted[]): string[] {
  return counted.filter((file) => file.lines > MAX_LINES).map((file) => `${file.path}: ${file.lines} lines (at most ${MAX_LINES})`);
}

describe('the file-size census of lib/ and components/', () => {
  const counted = census(process.cwd(), ROOTS);

  it('finds the files it counts', () => {
    expect(counted.length).toBeGreaterThan(100);
    expect(counted.some((file) => file.path === join('lib', 'mcp', 'session', 'connector-session.ts'))).toBe(true);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const found = offenders(counted);
    if (found.length) console.error(`Files over ${MAX_LINES} lines; split them by job:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  });

  it(`keeps the median under ${MEDIAN_BELOW} lines`, () => {
    const value = median(counted.map((file) => file.lines));
    const largest = counted.slice(0, 10).map((file) => `${file.path}: ${file.lines}`);
    expect(value, `median ${value} over ${counted.length} files; the largest:\n${largest.join('\n')}`).toBeLessThan(MEDIAN_BELOW);
  });

  it('names a file that grows past the limit, and ignores what it does not count', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'patchbay-census-'));
    try {
      mkdirSync(join(scratch, 'lib', 'deep'), { recursive: true });
      writeFileSync(join(scratch, 'lib', 'deep', 'big.ts'), 'x\n'.repeat(MAX_LINES + 1));
      writeFileSync(join(scratch, 'lib', 'edge.tsx'), 'x\n'.repeat(MAX_LINES - 1) + 'last');
      writeFileSync(join(scratch, 'lib', 'theme.css'), 'x\n'.repeat(1000));
      const found = census(scratch, ['lib']);
      expect(found).toEqual([
        { path: join('lib', 'deep', 'big.ts'), lines: MAX_LINES + 1 },
        { path: join('lib', 'edge.tsx'), lines: MAX_LINES },
      ]);
      expect(offenders(found)).toEqual([`${join('lib', 'deep', 'big.ts')}: ${MAX_LINES + 1} lines (at most ${MAX_LINES})`]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
