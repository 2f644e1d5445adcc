import { prepareBenchExtension } from './bench-extension';
import { BenchSession } from './bench-session';
import { setUpWorld } from './bench-world';
import { WorkerCdp } from './worker-cdp';
import { median } from './stats';

const patch = `(() => {
  const ep = () => performance.timeOrigin + performance.now();
  self.__t = [];
  self.__mark = (n) => self.__t.push([n, ep()]);
  if (!self.__origFetch) self.__origFetch = self.fetch;
  const orig = self.__origFetch;
  self.fetch = async (input, init) => {
    self.__mark('fetch');
    const res = await orig(input, init);
    self.__mark('headers');
    return res;
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
  await session.panel.page.evaluate(panelLoop(world.everythingId, 30));
  await session.onBaseline('connect', 'everything', world.everything.url);
  for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
    await worker.send('Runtime.evaluate', { expression: patch, returnByValue: true });
    const calls = JSON.parse((await session.panel.page.evaluate(panelLoop(world.everythingId, 100))) as string) as [number, number][];
    const marks = JSON.parse((await worker.send<{ result: { value: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(self.__t)', returnByValue: true })).result.value) as [string, number][];
    const steps = new Map<string, number[]>();
    const add = (k: string, v: number) => { if (!steps.has(k)) steps.set(k, []); steps.get(k)!.push(v); };
    for (const [s, e] of calls) {
      const inCall = marks.filter(([, t]) => t >= s && t <= e);
      let prev: [string, number] = ['panel-send', s];
      for (const m of inCall) { add(`${prev[0]}→${m[0]}`, m[1] - prev[1]); prev = m; }
      add(`${prev[0]}→panel-recv`, e - prev[1]);
      add('TOTAL', e - s);
    }
    console.log(`round ${round}`);
    for (const k of [40, 41, 42, 60, 61]) {
      const [s0, e0] = calls[k]!; const prevEnd = calls[k - 1]![1];
      const seq = marks.filter(([, t]) => t > prevEnd - 0.01 && t <= e0).map(([n, t]) => `${n}@${(t - s0).toFixed(1)}`);
      console.log(`  call ${k}: prevRecv@${(prevEnd - s0).toFixed(1)} ${seq.join(' ')} recv@${(e0 - s0).toFixed(1)}`);
    }
    await session.baseline.bringToFront();
    await session.baseline.evaluate(patch.replace(/self\./g, 'window.'));
    const bcalls = JSON.parse((await session.baseline.evaluate(`(async () => { const ep = () => performance.timeOrigin + performance.now(); const out = []; for (let i = 0; i < 100; i++) { const s = ep(); await window.__patchbayBaseline.timeCalls('everything', 'echo', { message: 'bench round trip' }, 1); out.push([s, ep()]); } return JSON.stringify(out); })()`)) as string) as [number, number][];
    const bmarks = JSON.parse((await session.baseline.evaluate('JSON.stringify(window.__t)')) as string) as [string, number][];
    for (const [s, e] of bcalls) {
      const inCall = bmarks.filter(([, t]) => t >= s && t <= e);
      let prev: [string, number] = ['B-start', s];
      for (const m of inCall) { add(`B ${prev[0]}→${m[0]}`, m[1] - prev[1]); prev = m; }
      add(`B ${prev[0]}→end`, e - prev[1]);
      add('B TOTAL', e - s);
    }
    await session.panel.page.bringToFront();
    for (const [k, v] of steps) console.log(`  ${k.padEnd(28)} n=${String(v.length).padStart(3)} median ${median(v).toFixed(3)}`);
  }
  await worker.detach();
  await world.close();
  await session.close();
  await ext.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
