import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CHROME_BUILD_DIR } from '../e2e/harness/chromium';

const IN_PAGE = fileURLToPath(new URL('./in-page/', import.meta.url));

/** Bundled like a production page: minified, React in production mode, the build's target. */
const PAGE_OPTIONS = {
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
} as const;

const page = (title: string, script: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="UTF-8"><title>${title}</title></head>` +
  `<body>${body}<script type="module" src="./${script}"></script></body></html>\n`;

/** The build under test, copied, with the bench's baseline pages beside it; `close` removes the copy. */
export interface BenchExtension {
  dir: string;
  /** The probes as one classic script, for Playwright's init scripts. */
  probes: string;
  close(): Promise<void>;
}

/**
 * The baselines must run as extension pages of the same browser (same origin kind, same CSP, same
 * process model as the panel), yet must not ship. So the bench loads a *copy* of the built
 * extension with a `bench/` folder added — two pages nothing in the product links to — and leaves
 * `.output` exactly as `npm run build` made it. The panel, the background and every chunk are the
 * built files, byte for byte; the copy's extension id differs, which changes nothing measured.
 */
export async function prepareBenchExtension(buildDir: string = CHROME_BUILD_DIR): Promise<BenchExtension> {
  const dir = join(await mkdtemp(join(tmpdir(), 'patchbay-bench-')), 'chrome-mv3');
  await cp(buildDir, dir, { recursive: true });
  await build({ ...PAGE_OPTIONS, entryPoints: [join(IN_PAGE, 'baseline-page.ts')], outfile: join(dir, 'bench/baseline.js'), format: 'esm' });
  await build({ ...PAGE_OPTIONS, entryPoints: [join(IN_PAGE, 'empty-react-page.tsx')], outfile: join(dir, 'bench/empty.js'), format: 'esm', jsx: 'automatic' });
  await writeFile(join(dir, 'bench/baseline.html'), page('Bench baseline', 'baseline.js', '<pre id="stream"></pre>'));
  await writeFile(join(dir, 'bench/empty.html'), page('Empty React page', 'empty.js', '<div id="root"></div>'));
  const probes = await build({ ...PAGE_OPTIONS, entryPoints: [join(IN_PAGE, 'probes.ts')], format: 'iife', write: false });
  return {
    dir,
    probes: probes.outputFiles[0]!.text,
    close: () => rm(join(dir, '..'), { recursive: true, force: true }),
  };
}
