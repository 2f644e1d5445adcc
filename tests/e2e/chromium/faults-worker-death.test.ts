import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { faultSeed, seededRandom } from '../../fixtures/seeded-random';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ChatPage } from '../pages/chat-page';

/**
 * The real worker, killed through CDP at a seeded random point of a turn with a read-only and a
 * write call. Few cycles (each costs a browser round of reloads); the 50 in `npm test` and the 500
 * of `npm run soak` run at the engine level (tests/integration/faults-worker-death.test.ts).
 */
const CYCLES = Number(process.env.PATCHBAY_FAULT_BROWSER_CYCLES ?? 5);
const SEED = faultSeed();
const POINTS = ['model-streaming', 'card-pending', 'just-approved', 'write-sent'] as const;
type KillPoint = (typeof POINTS)[number];

interface StoredPart { type: string; status: { type: string; reason?: { code: string } }; text?: string; toolName?: string; callId?: string }
interface StoredMessage { conversationId: string; seq: number; role: string; parts: StoredPart[] }

describe('the real service worker killed at random points of a conversation', () => {
  const fixture = useChromiumPanel();
  let server: PolicyServer;
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    server = await startPolicyServer();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Notes', url: server.url });
    await connectors.waitForTool('Notes', 'write_note');
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
  });

  const writesOf = (title: string) => server.calls.filter((c) => c.name === 'write_note' && (c.arguments as { title?: string }).title === title).length;
  const pendingCard = () => chat.approvalCard('write_note').filter({ has: fixture.panel.page.getByRole('button', { name: 'Approve', exact: true }) });
  const chatRequests = () => model.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')).length;

  /**
   * A fresh scripted model for each cycle: a kill can leave a turn unplayed, which must not answer
   * the next cycle.
   */
  async function freshModel(): Promise<void> {
    await model?.close();
    model = await startModelServer({ apiKey: 'sk-faults', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    // The key is bound to its base URL's origin (a new port is a new origin): enter it after the URL.
    await settings.fill({ baseUrl: model.url, model: 'scripted-model' });
    await settings.fill({ apiKey: 'sk-faults' });
    await settings.save();
    chat = await fixture.panel.openChat();
  }

  /** The stored messages of the conversation whose user message is `text`, read straight from IndexedDB. */
  function storedConversation(text: string): Promise<StoredMessage[]> {
    return fixture.panel.page.evaluate(async (wanted) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('patchbay');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<StoredMessage[]>((resolve, reject) => {
        const request = db.transaction('messages').objectStore('messages').getAll();
        request.onsuccess = () => resolve(request.result as StoredMessage[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      const ids = new Set(all.filter((m) => m.role === 'user' && m.parts.some((p) => p.text === wanted)).map((m) => m.conversationId));
      return all.filter((m) => ids.has(m.conversationId)).sort((a, b) => a.seq - b.seq);
    }, text);
  }

  async function killAt(point: KillPoint, title: string, requestsBefore: number): Promise<void> {
    switch (point) {
      case 'model-streaming':
        await expect.poll(chatRequests, { timeout: 20_000 }).toBeGreaterThan(requestsBefore);
        break;
      case 'card-pending':
        await pendingCard().waitFor({ timeout: 20_000 });
        break;
      case 'just-approved':
        await pendingCard().getByRole('button', { name: 'Approve', exact: true }).click();
        break;
      case 'write-sent':
        await pendingCard().getByRole('button', { name: 'Approve', exact: true }).click();
        await expect.poll(() => writesOf(title), { timeout: 20_000 }).toBe(1);
        break;
    }
    await killServiceWorker(fixture.panel.page);
  }

  it(`${CYCLES} kills lose no message, send no write twice, mark every cut step, and reconnect within 1 s`, async () => {
    const random = seededRandom(SEED);
    console.log(`browser worker-death: ${CYCLES} cycles, seed ${SEED} (replay with PATCHBAY_FAULT_SEED=${SEED})`);
    const seen: Record<string, unknown>[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const point = POINTS[Math.floor(random() * POINTS.length)]!;
      const title = `browser-cycle-${cycle}`;
      const text = `Please write ${title}`;
      await freshModel();
      await chat.newConversation();
      await chat.useConnectors('Notes');
      model.script([
        { type: 'tool-calls', calls: [{ name: 'Notes__read_notes', arguments: '{}' }, { name: 'Notes__write_note', arguments: JSON.stringify({ title, body: 'b' }) }], delayMsPerChunk: 20 },
        { type: 'text', text: `Done ${title}.` },
      ]);
      const requestsBefore = chatRequests();
      await chat.send(text);
      await killAt(point, title, requestsBefore);

      // The next panel message (a fresh panel's first ping) wakes the worker; its connector must be back within 1 s.
      await fixture.panel.reload();
      const woke = Date.now();
      const connectors = await fixture.panel.openConnectors();
      await connectors.status('Notes').filter({ hasText: /^Connected$/ }).waitFor({ timeout: 1_000 });
      const reconnectMs = Date.now() - woke;

      // Finish the turn as a user would: approve a card that is still waiting.
      chat = await fixture.panel.openChat();
      await fixture.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
      await fixture.panel.page.getByRole('navigation', { name: 'Conversations' }).getByText(text).first().click();
      await chat.answerText(text).first().waitFor();
      const settled = async () => {
        const messages = await storedConversation(text);
        const parts = messages.flatMap((m) => m.parts);
        return parts.some((p) => p.status.type === 'running') ? null : messages;
      };
      let messages = await expect.poll(settled, { timeout: 20_000 }).not.toBeNull().then(settled);
      if (await pendingCard().count()) {
        await pendingCard().getByRole('button', { name: 'Approve', exact: true }).click();
        await chat.answerText(`Done ${title}.`).waitFor({ timeout: 20_000 });
        messages = await settled();
      }
      const parts = messages!.flatMap((m) => m.parts);
      const users = messages!.filter((m) => m.role === 'user' && m.parts.some((p) => p.text === text));
      const marked = parts.filter((p) => p.status.type === 'incomplete' && ['interrupted', 'outcome-unknown'].includes(p.status.reason?.code ?? ''));
      const write = parts.find((p) => p.type === 'tool-call' && p.toolName === 'write_note');
      const writeResult = write && parts.find((p) => p.type === 'tool-result' && p.callId === write.callId);
      seen.push({ cycle, point, reconnectMs, writesSent: writesOf(title), marked: marked.length });

      expect(users, `cycle ${cycle} (${point}, seed ${SEED}): the user's message once`).toHaveLength(1);
      expect(writesOf(title), `cycle ${cycle} (${point}, seed ${SEED}): write_note at most once`).toBeLessThanOrEqual(1);
      expect(parts.filter((p) => p.status.type === 'running'), `cycle ${cycle}: nothing left running`).toEqual([]);
      if (writesOf(title) === 1 && !writeResult) expect(write?.status.reason?.code, `cycle ${cycle}: a sent write without a result is marked`).toBe('outcome-unknown');
      if (point === 'write-sent') expect(marked.length + (writeResult ? 1 : 0), `cycle ${cycle}: the cut step shows`).toBeGreaterThan(0);
    }
    console.log(`browser worker-death (seed ${SEED}): ${JSON.stringify(seen)}`);
  });
});
