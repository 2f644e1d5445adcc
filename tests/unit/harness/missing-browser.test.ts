import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { requireExecutable } from '../../e2e/harness/require-executable';

/** Runs `npm test`'s entry with browsers pointed at paths that do not exist; it stops before building. */
function runTestAllWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['tests/harness/test-all.mjs'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('a missing browser', () => {
  it('fails `npm test` with the command that installs Chromium', () => {
    const run = runTestAllWith({ PATCHBAY_CHROMIUM: '/nonexistent/chromium' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/nonexistent/chromium not found');
    expect(run.stderr).toContain('apt-get update && apt-get install -y chromium');
    expect(run.stdout).not.toContain('▶ Build');
  });

  it('names both packages when both browsers are missing', () => {
    const run = runTestAllWith({ PATCHBAY_CHROMIUM: '/nonexistent/chromium', PATCHBAY_FIREFOX: '/nonexistent/firefox-esr' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y chromium firefox-esr');
  });

  it('fails an e2e file that starts a missing browser, instead of skipping it', () => {
    expect(() => requireExecutable('/nonexistent/firefox-esr', 'firefox-esr')).toThrow(
      '/nonexistent/firefox-esr not found. Install it with: apt-get update && apt-get install -y firefox-esr',
    );
    expect(requireExecutable(process.execPath, 'nodejs')).toBe(process.execPath);
  });
});
