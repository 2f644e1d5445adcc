import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuild } from './harness/require-executable';

/** Text only Ajv's code generator carries: its compile cache, its generated-code check, its strict-mode messages. */
const AJV_MARKERS = ['_compilations', 'validateFunctionCode', 'strict mode: '];

/**
 * Ways to turn a string into code: `Function(…)`, `new Function(…)`, `eval(…)`, and holding the
 * constructor in a variable (`x=Function,` — how zod's JIT does it) to call later.
 */
const CODE_FROM_STRINGS = /(?<![\w$.])(?:Function|eval)\s*\(|=\s*Function\s*[,;)]/;

function scriptsOf(dir: string): { file: string; code: string }[] {
  const root = requireBuild(dir);
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, code: readFileSync(join(root, file), 'utf8') }));
}

describe.each(['.output/chrome-mv3', '.output/firefox-mv3'])('the scripts of %s', (dir) => {
  it('hold no Ajv: Patchbay validates with @cfworker/json-schema, which needs no eval', () => {
    for (const { file, code } of scriptsOf(dir)) {
      for (const marker of AJV_MARKERS) expect(code.includes(marker), `${file} contains Ajv's "${marker}"`).toBe(false);
    }
  });

  it('never make code from a string (the MV3 CSP forbids it, and AMO flags it)', () => {
    for (const { file, code } of scriptsOf(dir)) {
      const match = CODE_FROM_STRINGS.exec(code);
      expect(match && code.slice(Math.max(0, match.index - 80), match.index + 80), `${file} makes code from a string`).toBeNull();
    }
  });
});
