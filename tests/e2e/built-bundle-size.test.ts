import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { requireBuild } from './harness/require-executable';

/** DESIGN.md's budget for the side panel's initial JavaScript, gzipped. */
const PANEL_BUDGET_BYTES = 200 * 1024;

describe('the built side panel', () => {
  it(`loads at most ${PANEL_BUDGET_BYTES / 1024} KB of gzipped JavaScript before it is interactive`, () => {
    const dir = requireBuild('.output/chrome-mv3');
    const html = readFileSync(`${dir}/sidepanel.html`, 'utf8');
    const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'sidepanel.html names its script').toBeDefined();
    const initial = new Set([entry!, ...staticImports(dir, entry!)]);
    const gzipped = [...initial].reduce((sum, file) => sum + gzipSync(readFileSync(`${dir}/${file}`)).length, 0);
    expect(gzipped).toBeLessThanOrEqual(PANEL_BUDGET_BYTES);
    // The MCP SDK and the model client belong to the background bundle.
    const panelCode = [...initial].map((file) => readFileSync(`${dir}/${file}`, 'utf8')).join('\n');
    expect(panelCode).not.toContain('Error POSTing to endpoint');
    expect(panelCode).not.toContain('dangerouslyAllowBrowser');
  });
});

/** Chunks a module imports statically (not `import()`), followed transitively. */
function staticImports(dir: string, file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(`${dir}/${file}`, 'utf8');
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const target = new URL(match[1]!, `file:///${file}`).pathname.slice(1);
    if (seen.has(target)) continue;
    seen.add(target);
    staticImports(dir, target, seen);
  }
  return seen;
}
