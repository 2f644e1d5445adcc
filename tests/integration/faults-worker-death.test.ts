import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { openDatabase } from '@/lib/db/open-database';
import type { PatchbayDatabase } from '@/lib/db/database';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';
import { startPolicyServer, type PolicyServer } from '../fixtures/mcp-servers/policy-server';
import { faultSeed, seededRandom } from '../fixtures/seeded-random';
import { runCycle, type CycleReport } from './faults/worker-death-cycle';

/**
 * Worker death at the engine level: a service worker restart is a new RunEngine over the same
 * database, so each cycle kills one "life" at a random write (seeded) and lets the next resume.
 * `npm run soak` runs 500 cycles (PATCHBAY_FAULT_CYCLES); the browser test
 * (tests/e2e/chromium/faults-worker-death.test.ts) kills the real worker a few times.
 */
const CYCLES = Number(process.env.PATCHBAY_FAULT_CYCLES ?? 50);
const SEED = faultSeed();

let policy: PolicyServer;
let db: PatchbayDatabase;
const databaseName = `patchbay-faults-${Date.now()}`;

beforeAll(async () => {
  policy = await startPolicyServer();
  db = await openDatabase(databaseName);
  await db.connectors.put({
    ...newConnectorRow('conn-1', Date.now()),
    label: 'Notes',
    url: policy.url,
    enabledTools: ['read_notes', 'write_note'],
    tools: [
      { name: 'read_notes', description: 'Reads the notes.', inputSchema: { type: 'object', properties: {} }, annotations: { readOnlyHint: true } },
      {
        name: 'write_note',
        description: 'Writes a note.',
        inputSchema: { type: 'object', properties: { title: { type: 'string' }, body: { type: 'string' } }, required: ['title', 'body'] },
        annotations: { readOnlyHint: false },
      },
    ],
    toolsFetchedAt: Date.now(),
    toolFingerprints: { read_notes: 'fp-read', write_note: 'fp-write' },
  });
});
afterAll(async () => {
  db?.close();
  await policy?.close();
});

describe('worker death at random points of a conversation with read and write calls', () => {
  it(`loses nothing over ${CYCLES} cycles (seed printed)`, { timeout: 60_000 + CYCLES * 2_000 }, async () => {
    console.log(`worker-death: ${CYCLES} cycles, seed ${SEED} (replay with PATCHBAY_FAULT_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const store = new ConversationStore(db);
    // One cycle without a kill counts the writes a whole turn makes: the kill points range over them.
    const calm = await runCycle({ cycle: 0, databaseName, policy, conversationId: await newConversation(store), killAtWrite: Number.MAX_SAFE_INTEGER });
    expect(calm).toMatchObject({ killed: false, writesSent: 1, problems: [] });
    // Kill points range over the writes of a whole turn and a few beyond, so some fall after it ends.
    const span = calm.firstLifeWrites + 3;
    console.log(`worker-death: a whole turn makes ${calm.firstLifeWrites} writes`);
    const reports: CycleReport[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const killAtWrite = 1 + Math.floor(random() * span);
      const report = await runCycle({ cycle, databaseName, policy, conversationId: await newConversation(store), killAtWrite });
      if (report.problems.length > 0) throw new Error(`cycle ${cycle} (seed ${SEED}, kill at write ${killAtWrite}): ${report.problems.join('; ')}`);
      reports.push(report);
    }
    const counts = {
      cycles: reports.length,
      killed: reports.filter((r) => r.killed).length,
      writesSentOnce: reports.filter((r) => r.writesSent === 1).length,
      writesNeverSent: reports.filter((r) => r.writesSent === 0).length,
      writesSentTwice: reports.filter((r) => r.writesSent > 1).length,
      partsMarkedInterrupted: reports.reduce((n, r) => n + r.marked, 0),
      messagesLost: reports.filter((r) => r.userMessages !== 1).length,
    };
    console.log(`worker-death counts (seed ${SEED}): ${JSON.stringify(counts)}`);
    expect(counts.writesSentTwice).toBe(0);
    expect(counts.messagesLost).toBe(0);
    // Most kill points fall inside the turn; a run where none did would test nothing.
    expect(counts.killed).toBeGreaterThan(CYCLES / 2);
  });
});

async function newConversation(store: ConversationStore): Promise<string> {
  return (await store.conversations.create({ title: 't', connectorIds: ['conn-1'], model: null })).id;
}

