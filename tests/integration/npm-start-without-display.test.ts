import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

/** `npm start`'s second half (the build is the first): tests/harness/start.ts, as `tsx` runs it. */
function startWithoutDisplay() {
  const env: NodeJS.ProcessEnv = { ...process.env, PATCHBAY_DEMO_PORT: '0' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/harness/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  return { child, output: () => stdout };
}

let running: ReturnType<typeof startWithoutDisplay> | undefined;
afterEach(() => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

describe('npm start without a display', () => {
  it('runs the demo connector, prints exactly what to do by hand, and stops cleanly', async () => {
    running = startWithoutDisplay();
    await expect.poll(running.output, { timeout: 20_000, interval: 100 }).toContain('No display found');
    const output = running.output();
    expect(output).toContain('xvfb-run -a npm start');
    expect(output).toMatch(/Load unpacked.*\n.*\.output\/chrome-mv3/);
    expect(output).toMatch(/Load Temporary Add-on.*\n.*\.output\/firefox-mv3\/manifest\.json/);

    // The demo connector it announces is a real MCP server that answers an initialize.
    const url = /running at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(output)?.[1];
    expect(url).toBeDefined();
    const reply = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain('"serverInfo"');

    running.child.kill('SIGTERM');
    const [code] = await once(running.child, 'exit');
    expect(code).toBe(0);
  });
});
