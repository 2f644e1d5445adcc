import { prepareBenchExtension } from './bench-extension';
import { BenchSession } from './bench-session';
import { WorkerCdp } from './worker-cdp';
async function main() {
  const ext = await prepareBenchExtension();
  const session = await BenchSession.start(ext);
  const worker = await WorkerCdp.attach(session.panel.page);
  console.log(JSON.stringify(await worker.send('Runtime.evaluate', { expression: `typeof scheduler + ' ' + (typeof scheduler !== 'undefined' && typeof scheduler.postTask) + ' ' + typeof requestIdleCallback`, returnByValue: true })));
  await worker.detach(); await session.close(); await ext.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
