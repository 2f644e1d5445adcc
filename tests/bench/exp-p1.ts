import { prepareBenchExtension } from './bench-extension';
import { BenchSession } from './bench-session';
import { setUpWorld } from './bench-world';
import { WorkerCdp } from './worker-cdp';
import { median } from './stats';

const loop = (url: string, n: number) => `(async () => {
  const url = ${JSON.stringify(url)};
  const h = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await fetch(url, { method: 'POST', headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }) });
  const sid = init.headers.get('mcp-session-id'); await init.text();
  const hs = { ...h, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-06-18' };
  await (await fetch(url, { method: 'POST', headers: hs, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })).text();
  const times = [];
  for (let i = 0; i < ${n}; i++) {
    const t = performance.now();
    const r = await fetch(url, { method: 'POST', headers: hs, body: JSON.stringify({ jsonrpc: '2.0', id: 10 + i, method: 'tools/call', params: { name: 'echo', arguments: { message: 'bench round trip' } } }) });
    await r.text();
    times.push(performance.now() - t);
  }
  return JSON.stringify(times);
})()`;

async function main() {
  const ext = await prepareBenchExtension();
  const session = await BenchSession.start(ext);
  const world = await setUpWorld(session, { warmupCalls: 5 } as never);
  const worker = await WorkerCdp.attach(session.panel.page);
  for (let round = 0; round < 3; round++) {
    const w = (await worker.send<{ result: { value: string } }>('Runtime.evaluate', { expression: loop(world.everything.url, 100), awaitPromise: true, returnByValue: true })).result.value;
    await session.baseline.bringToFront();
    const p = (await session.baseline.evaluate(loop(world.everything.url, 100))) as string;
    await session.panel.page.bringToFront();
    const pp = (await session.panel.page.evaluate(loop(world.everything.url, 100))) as string;
    console.log('worker', median(JSON.parse(w)).toFixed(2), 'baseline page', median(JSON.parse(p)).toFixed(2), 'panel page', median(JSON.parse(pp)).toFixed(2));
  }
  await worker.detach();
  await world.close();
  await session.close();
  await ext.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
