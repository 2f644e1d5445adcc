import { prepareBenchExtension } from './bench-extension';
import { BenchSession } from './bench-session';
import { setUpWorld } from './bench-world';
import { profileWhile, profileWorkerWhile } from './cpu-profile';

async function main() {
  process.env.PATCHBAY_BENCH_PROFILE = '1';
  const ext = await prepareBenchExtension();
  const session = await BenchSession.start(ext);
  const world = await setUpWorld(session, { warmupCalls: 5 } as never);
  const panel = session.panel.page;
  await panel.bringToFront();
  const ARGS = { message: 'bench round trip' };
  await session.probe(panel, 'timeCalls', world.everythingId, 'echo', ARGS, 30);
  const p = await profileWhile(panel, () => session.probe(panel, 'timeCalls', world.everythingId, 'echo', ARGS, 200));
  console.log('PANEL renderer', JSON.stringify(p.summary?.renderer));
  console.log('PANEL fns', JSON.stringify(p.summary?.functions.slice(0, 15)));
  const w = await profileWorkerWhile(panel, () => session.probe(panel, 'timeCalls', world.everythingId, 'echo', ARGS, 200));
  console.log('WORKER fns', JSON.stringify(w.summary?.functions.slice(0, 25)));
  console.log('WORKER files', JSON.stringify(w.summary?.files.slice(0, 10)));
  await world.close();
  await session.close();
  await ext.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
