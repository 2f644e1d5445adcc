import { startMisbehavingServer } from '../fixtures/mcp-servers/misbehaving-server';
import { addConnector, type BenchWorld } from './bench-world';
import { figure } from './figure';
import { longConversations } from './p3-long-conversation';
import { round } from './stats';
import { heapAfterGc, WorkerCdp } from './worker-cdp';

const MB = 1024 * 1024;

interface Ping {
  workerStartedAt: number;
}

/** The background's work, done twice: `calls` echo calls through the panel, then one big result. */
async function backgroundRound(world: BenchWorld, bigId: string): Promise<void> {
  const { session, counts, everythingId } = world;
  await session.probe(session.panel.page, 'timeCalls', everythingId, 'echo', { message: 'bench memory' }, counts.memoryCalls);
  await session.command('connectors.callTool', { id: bigId, callId: `bench-big-${Date.now()}`, toolName: 'big_result', args: { megabytes: counts.bigResultMB } });
}

/** The panel's heap with the long conversation open, after opening it cold, then again after switching away and back. */
async function panelHeaps(world: BenchWorld): Promise<[number, number]> {
  const { long, short } = longConversations(world.counts);
  const { page } = await world.session.openWatched('sidepanel.html', 'panel');
  const cdp = await page.context().newCDPSession(page);
  const send = (method: string) => cdp.send(method as 'Runtime.getHeapUsage');
  try {
    await page.waitForLoadState('networkidle');
    await world.session.probe(page, 'openConversation', long.title, long.marker);
    const first = await heapAfterGc(send);
    await world.session.probe(page, 'openDrawer');
    await world.session.probe(page, 'openConversation', short.title, short.marker);
    await world.session.probe(page, 'openDrawer');
    await world.session.probe(page, 'openConversation', long.title, long.marker);
    return [first, await heapAfterGc(send)];
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/**
 * P7: the background's used JS heap (CDP on its service worker, after forced garbage collection)
 * after 500 tool calls and one 50 MB result, then after the same work again; the panel's heap
 * with the 5,000-message conversation open, then after reopening it. Bounded: the second round
 * grows neither by more than 10%.
 */
export async function measureMemory(world: BenchWorld) {
  const { session, counts } = world;
  const big = await startMisbehavingServer();
  const bigId = await addConnector(session, 'Big results', big.url);
  const worker = await WorkerCdp.attach(session.panel.page);
  try {
    const before = (await session.command('ping', {})) as Ping;
    const idle = await heapAfterGc((method) => worker.send(method));
    await backgroundRound(world, bigId);
    const first = await heapAfterGc((method) => worker.send(method));
    await backgroundRound(world, bigId);
    const second = await heapAfterGc((method) => worker.send(method));
    const after = (await session.command('ping', {})) as Ping;
    const [panelFirst, panelSecond] = await panelHeaps(world);
    const panelRatio = panelSecond / panelFirst;
    return figure(
      {
        value: second / MB,
        unit: 'MB background heap after the second round',
        baseline: first / MB,
        runs: 2,
        goal: 'second round grows the background and the panel heap by ≤ 10%',
        met: second <= 1.1 * first && panelRatio <= 1.1,
      },
      {
        idleMB: round(idle / MB),
        panelMB: round(panelSecond / MB),
        panelBaselineMB: round(panelFirst / MB),
        panelRatio: round(panelRatio),
        toolCalls: counts.memoryCalls,
        bigResultMB: counts.bigResultMB,
        sameWorker: before.workerStartedAt === after.workerStartedAt,
      },
    );
  } finally {
    await worker.detach();
    await session.command('connectors.remove', { id: bigId });
    await big.close();
  }
}
