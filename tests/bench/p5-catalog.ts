import { addConnector, type BenchWorld } from './bench-world';
import { startCatalogServer, type CatalogServer } from './catalog-servers';
import { profileWhile, profileWorkerWhile, type ProfileSummary } from './cpu-profile';
import { figure } from './figure';
import { median, round } from './stats';
import { log } from './wait-until';

/**
 * P5: N connectors of 100 tools each on the Connectors screen; Refresh tools clicked on all of
 * them at once, until every list is stored again and painted. N = 1, 10, 20 (added between points).
 * The baseline: bare SDK clients, connected to the same servers from an extension page, listing
 * all their tools at once — the protocol work without storing or rendering anything.
 */
export async function measureCatalog(world: BenchWorld) {
  const { session, counts } = world;
  const servers: CatalogServer[] = [];
  const points: { size: number; value: number }[] = [];
  const baselinePoints: { size: number; value: number }[] = [];
  const keys = ['everything'];
  const ids: string[] = [];
  let profile: ProfileSummary | null = null;
  let backgroundProfile: ProfileSummary | null = null;
  try {
    for (const size of counts.connectorPoints) {
      log(`P5: ${size} connectors × ${counts.toolsPerConnector} tools`);
      while (servers.length < size) {
        const server = await startCatalogServer(servers.length, counts.toolsPerConnector);
        servers.push(server);
        const label = `Catalog ${String(servers.length).padStart(2, '0')}`;
        ids.push(await addConnector(session, label, server.url, counts.toolsPerConnector));
        await session.onBaseline('connect', label, server.url);
        keys.push(label);
      }
      await session.panel.openConnectors();
      // A background tab gets no animation frames: measure the panel in front, as in use.
      await session.panel.page.bringToFront();
      const ours: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run < counts.catalogRuns; run++) {
        const refresh = () => session.probe(session.panel.page, 'refreshCatalog');
        // With PATCHBAY_BENCH_PROFILE=1, the first run at the largest point is profiled in the panel
        // and in the background, where most of a refresh's time goes (the panel mostly waits).
        const profiled = run === 0 && size === counts.connectorPoints[2];
        const both = () => profileWorkerWhile(session.panel.page, () => profileWhile(session.panel.page, refresh));
        const { result: inner, summary: workerSummary } = profiled ? await both() : { result: { result: await refresh(), summary: null }, summary: null };
        profile ??= inner.summary;
        backgroundProfile ??= workerSummary;
        ours.push(inner.result);
        await session.baseline.bringToFront();
        bare.push(await session.onBaseline('timeListAll', keys));
        await session.panel.page.bringToFront();
      }
      points.push({ size, value: round(median(ours)) });
      baselinePoints.push({ size, value: round(median(bare)) });
    }
  } finally {
    // Removed before their servers stop, so no reconnect attempts run under the figures after this one.
    for (const id of ids) await session.command('connectors.remove', { id });
    await session.onBaseline('disconnect', keys.slice(1));
    await Promise.all(servers.map((server) => server.close()));
  }
  const value = points[points.length - 1]!.value;
  return figure(
    {
      value,
      unit: 'ms',
      baseline: baselinePoints[baselinePoints.length - 1]!.value,
      runs: counts.catalogRuns,
      goal: `refresh all ${counts.connectorPoints[2]} × ${counts.toolsPerConnector} tools and render ≤ 300 ms`,
      met: value <= 300,
    },
    { toolsPerConnector: counts.toolsPerConnector, points, baselinePoints, ...(profile ? { profile } : {}), ...(backgroundProfile ? { backgroundProfile } : {}) },
  );
}
