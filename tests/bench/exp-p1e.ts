import { prepareBenchExtension } from './bench-extension';
import { BenchSession } from './bench-session';
import { WorkerCdp } from './worker-cdp';
import { median } from './stats';

async function main() {
  const ext = await prepareBenchExtension();
  const session = await BenchSession.start(ext);
  const panel = session.panel.page;
  const worker = await WorkerCdp.attach(panel);
  await worker.send('Runtime.evaluate', { expression: `self.addEventListener('message', (e) => { const p = e.ports[0]; p.onmessage = (m) => p.postMessage({ type: 'command-reply', requestId: m.data.requestId, reply: { ok: true, result: { content: [{ type: 'text', text: 'Echo: bench round trip' }] } } }); }); 'ok'` });
  await panel.bringToFront();
  for (let round = 0; round < 4; round++) {
    const mc = JSON.parse((await panel.evaluate(`(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const ch = new MessageChannel();
      reg.active.postMessage({ hello: 1 }, [ch.port2]);
      const times = [];
      let resolve; ch.port1.onmessage = () => resolve();
      for (let i = 0; i < 300; i++) {
        const t = performance.now();
        await new Promise((r) => { resolve = r; ch.port1.postMessage({ type: 'command', requestId: 'r' + i, message: { channel: 'patchbay/command', command: 'connectors.callTool', payload: { id: 'abc', callId: 'x', toolName: 'echo', args: { message: 'bench round trip' } } } }); });
        times.push(performance.now() - t);
      }
      return JSON.stringify(times);
    })()`)) as string) as number[];
    const pings = await session.probe(panel, 'timePings', 300);
    console.log('messagechannel', median(mc).toFixed(3), 'runtime port ping', median(pings).toFixed(3));
  }
  await worker.detach();
  await session.close();
  await ext.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
