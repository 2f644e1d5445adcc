import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BenchReportSchema } from '../bench/bench-schema';

const run = promisify(execFile);

describe('npm run bench', () => {
  it('measures every figure in the built extension and reports the shape the README table is made from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'patchbay-bench-shape-'));
    const out = join(dir, 'bench-results.json');
    try {
      // The real bench, every measuring step included, with every count shrunk.
      const { stdout } = await run('node_modules/.bin/tsx', ['tests/bench/run-bench.ts'], {
        env: { ...process.env, PATCHBAY_BENCH_QUICK: '1', PATCHBAY_BENCH_OUT: out },
        timeout: 80_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      const printed = BenchReportSchema.parse(JSON.parse(stdout));
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(printed);
      expect(printed.quick).toBe(true);
      expect(Object.keys(printed.figures).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
      for (const [name, figure] of Object.entries(printed.figures)) {
        const expected = figure.baseline > 0 ? figure.value / figure.baseline : null;
        if (expected === null) expect(figure.ratio, name).toBeNull();
        else expect(figure.ratio, name).toBeCloseTo(expected, 1);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
