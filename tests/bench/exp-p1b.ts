import { prepareBenchExtension } from './bench-extension';
import { BenchSession } from './bench-session';
import { setUpWorld } from './bench-world';
import { WorkerCdp } from './worker-cdp';
import { median } from './stats';

const patch = `(() => {
  const orig = self.fetch; self.__t = [];
  const ep = () => performance.timeOrigin + performance.now();
  self.fetch = async (input, init) => {
    const rec = { start: ep() }; self.__t.push(rec);
    const res = await orig(input, init);
    rec.headers = ep();
    if (!res.body) return res;
    const ts = new TransformStream({ flush() { rec.end = ep(); } });
    return new Response(res.body.pipeThrough(ts), { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return 'ok';
})()`;

const panelLoop = (id: string, n: number) => `(async () => {
  const ep = () => performance.timeOrigin + performance.now();
  const out = [];
  for (let i = 0; i < ${n}; i++) {
    const s = ep();
    await window.__patchbayBench.command('connectors.callTool', { id: ${JSON.stringify(id)}, callId: 'x' + Math.random().toString(36).slice(2), toolName: 'echo', args: { message: 'bench round trip' } });
    out.push([s, ep()]);
  }
  return JSON.stringify(out);
})()`;

async function main() {
  const ext = await prepareBenchExtension();
  const session = await BenchSession.start(ext);
  const world = await setUpWorld(session, { warmupCalls: 5 } as never);
  const worker = await WorkerCdp.attach(session.panel.page);
  await session.panel.page.bringToFront();
  await session.panel.page.evaluate(panelLoop(world.everythingId, 20));
  for (let round = 0; round < 3; round++) {
    await worker.send('Runtime.evaluate', { expression: patch, returnByValue: true });
    const calls = JSON.parse((await session.panel.page.evaluate(panelLoop(world.everythingId, 100))) as string) as [number, number][];
    const t = JSON.parse((await worker.send<{ result: { value: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(self.__t)', returnByValue: true })).result.value) as { start: number; headers: number; end: number }[];
    const posts = t.filter((r) => r.end);
    const total = calls.map(([s, e]) => e - s);
    const pre: number[] = [], net: number[] = [], body: number[] = [], post: number[] = [];
    calls.forEach(([s, e]) => {
      const r = t.find((x) => x.start >= s && x.start <= e);
      if (!r || !r.end) return;
      pre.push(r.start - s); net.push(r.headers - r.start); body.push(r.end - r.headers); post.push(e - r.end);
    });
    console.log(`fetches ${t.length} (with body ${posts.length}) total ${median(total).toFixed(2)} | panel→fetch ${median(pre).toFixed(2)} net ${median(net).toFixed(2)} body ${median(body).toFixed(2)} bodyEnd→panel ${median(post).toFixed(2)}`);
    await worker.send('Runtime.evaluate', { expression: 'self.fetch = self.fetch; 0', returnByValue: true });
  }
  await worker.detach();
  await world.close();
  await session.close();
  await ext.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
