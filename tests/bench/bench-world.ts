import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import type { BenchCounts } from './bench-counts';
import type { BenchSession } from './bench-session';
import { startPacedModelServer, type PacedModelServer } from './paced-model-server';
import { waitUntil } from './wait-until';

/** Everything the figures share: the browser, the servers, the connectors added so far. */
export interface BenchWorld {
  session: BenchSession;
  counts: BenchCounts;
  everything: RunningServer;
  everythingId: string;
  model: PacedModelServer;
  /** Closes what was started here (servers the figures start themselves, they close themselves). */
  close(): Promise<void>;
}

type Statuses = Record<string, { status: { state: string } }>;

/**
 * Adds a connector as the form does (the `connectors.save` command), then waits until it is
 * connected and its tool list is stored with `tools` tools (or at least one).
 */
export async function addConnector(session: BenchSession, label: string, url: string, tools?: number): Promise<string> {
  const saved = (await session.command('connectors.save', { label, url, transport: 'streamable-http', auth: 'none', timeoutSeconds: 120, omitOrigin: false })) as
    | { ok: true; id: string }
    | { ok: false; errors: Record<string, string> };
  if (!saved.ok) throw new Error(`Could not add ${label}: ${JSON.stringify(saved.errors)}`);
  await waitUntil(`${label} connected`, async () => ((await session.command('connectors.statuses', {})) as Statuses)[saved.id]?.status.state === 'connected');
  const item = session.panel.page.getByRole('listitem', { name: label, exact: true });
  await waitUntil(`${label}'s tools listed`, async () => {
    await session.panel.openConnectors();
    const count = await item.getByRole('switch').count();
    // A long list shows its first tools and its count (the Tools button): all listed is the count.
    return tools === undefined ? count > 0 : count > 0 && (await item.getByRole('tab', { name: `Tools (${tools})`, exact: true }).count()) === 1;
  });
  return saved.id;
}

/** The model settings point at the paced model; one connector (server-everything) for the chat. */
export async function setUpWorld(session: BenchSession, counts: BenchCounts): Promise<BenchWorld> {
  const everything = await startServerEverything('streamableHttp');
  const model = await startPacedModelServer(counts.streamTokens);
  let everythingId: string;
  try {
    await session.command('settings.save', { apiKey: 'sk-bench', baseUrl: model.url, model: model.model, api: 'chat-completions' });
    everythingId = await addConnector(session, 'Everything', everything.url);
  } catch (error) {
    await Promise.all([model.close(), everything.close()]);
    throw error;
  }
  return {
    session,
    counts,
    everything,
    everythingId,
    model,
    async close() {
      await model.close();
      await everything.close();
    },
  };
}
