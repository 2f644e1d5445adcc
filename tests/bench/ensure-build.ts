import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../e2e/harness/chromium';

/** What the Chrome build is made from: a change in any of these makes `.output` stale. */
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * The newest file below `path`. Folders' own times are left out: a test that adds a scratch file and
 * removes it again (the boundary check's) touches the folder, not anything the build reads.
 */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/**
 * Reuses `.output/chrome-mv3` when it is newer than every source file, else builds it (Chrome only:
 * the bench runs nothing else). Returns what it did, for the log.
 */
export function ensureChromeBuild(root: string = process.cwd()): 'reused' | 'built' {
  const manifest = join(CHROME_BUILD_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((source) => newestMtime(join(root, source))));
  if (built > newest) return 'reused';
  // Always the production build that ships: under vitest NODE_ENV is `test`, which would build React's development bundle.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(join(root, 'node_modules/.bin/wxt'), ['build', '-b', 'chrome'], { cwd: root, env, stdio: ['ignore', process.stderr, process.stderr] });
  return 'built';
}
