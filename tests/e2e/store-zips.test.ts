import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelPage } from './pages/panel-page';
import { launchChromiumWithExtension } from './harness/chromium';
import { byRole, launchFirefoxWithExtension, openPanelInNewPage } from './harness/firefox';
import { readZip, unzipTo } from './harness/unzip';

const OUTPUT = resolve('.output');
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zipOf = (kind: 'chrome' | 'firefox' | 'sources') => join(OUTPUT, `${name}-${version}-${kind}.zip`);

/** The e2e tests read what `npm run zip` made (npm test runs it once); they never zip themselves. */
function requireZip(kind: 'chrome' | 'firefox' | 'sources'): string {
  const file = zipOf(kind);
  if (existsSync(file)) return file;
  throw new Error(`${file} not found. Make the store packages first: npm run zip`);
}

/** The environment of a plain `npm run zip`: vitest's NODE_ENV=test would make React's development build. */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  return env;
}

describe('npm run zip', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'patchbay-zips-'));
  });
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('makes three zips: the Chrome Web Store package, the Firefox package and its sources', () => {
    for (const kind of ['chrome', 'firefox', 'sources'] as const) requireZip(kind);
    expect(readdirSync(OUTPUT).filter((f) => f.endsWith('.zip')).sort()).toEqual(
      [`${name}-${version}-chrome.zip`, `${name}-${version}-firefox.zip`, `${name}-${version}-sources.zip`],
    );
  });

  it('the Chrome zip, unpacked, loads in Chromium: the panel renders and reaches the background', async () => {
    const dir = join(scratch, 'chrome');
    const files = await unzipTo(requireZip('chrome'), dir);
    expect(files).toContain('manifest.json');
    const chromium = await launchChromiumWithExtension({ extensionDir: dir });
    try {
      const panel = new PanelPage(await chromium.openPanel());
      // The page may still be rendering when it opens: wait for the background link, then read the tabs.
      await panel.waitForBackground();
      expect(await panel.tabs.allTextContents()).toEqual(['Chat', 'Connectors', 'Log', 'Settings']);
    } finally {
      await chromium.close();
    }
  });

  it('the Firefox zip, unpacked, installs in Firefox ESR: the panel renders and reaches the background', async () => {
    const dir = join(scratch, 'firefox');
    const files = await unzipTo(requireZip('firefox'), dir);
    expect(files).toContain('manifest.json');
    const firefox = await launchFirefoxWithExtension(dir);
    try {
      const panel = await openPanelInNewPage(firefox);
      await panel.waitForFunction(
        () => document.querySelector('[role="status"][aria-label="Background status"]')?.textContent?.includes('Background connected'),
        { timeout: 20_000 },
      );
      expect(await panel.$(byRole('tab', 'Settings'))).not.toBeNull();
    } finally {
      await firefox.close();
    }
  });

  it('the sources zip holds what the build reads and nothing local', async () => {
    const names = (await readZip(requireZip('sources'))).map((entry) => entry.name);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'LICENSE', 'PRIVACY.md', 'build/store-clean-plugin.ts', 'entrypoints/background/index.ts', 'public/icon/96.png']) {
      expect(names, needed).toContain(needed);
    }
    expect(names.filter((n) => /^(node_modules|\.output|\.wxt|tests|test-results)\/|(^|\/)\.[^/]/.test(n))).toEqual([]);
  });

  it('the sources zip rebuilds the Firefox zip byte for byte, as AMO reviewers will', async () => {
    const sources = join(scratch, 'sources');
    await unzipTo(requireZip('sources'), sources);
    // The locked dependencies as `npm ci` would install them: this checkout's own.
    await symlink(resolve('node_modules'), join(sources, 'node_modules'), 'dir');
    await promisify(execFile)('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: sources, env: buildEnv() });
    const rebuilt = join(sources, '.output/firefox-mv3');
    const shipped = await readZip(requireZip('firefox'));
    expect(readdirSync(rebuilt, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length).toBe(shipped.length);
    for (const entry of shipped) expect(readFileSync(join(rebuilt, entry.name)).equals(entry.bytes), entry.name).toBe(true);
  });
});
