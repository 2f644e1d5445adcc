import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ServerRequestsRepository } from '@/lib/db/repositories/server-requests-repository';
import type { RequestLocation } from '@/lib/requests/locate-request';
import { ServerRequestBroker } from '@/lib/requests/server-request-broker';

let counter = 0;

/** A broker over a fresh fake-indexeddb database, placing every request where `location` says. */
export async function brokerHarness(location: RequestLocation = { origin: { type: 'none', conversationId: null }, conversationId: null, unfamiliar: true }) {
  const db: PatchbayDatabase = await openDatabase(`patchbay-broker-${++counter}-${crypto.randomUUID()}`);
  const requests = new ServerRequestsRepository(db);
  const place = { current: location };
  const make = () => new ServerRequestBroker({ requests, locate: async () => place.current });
  return { db, requests, place, broker: make(), restartedBroker: make };
}

/** Polls until `check` holds (a condition, never a fixed sleep), failing after 2 s. */
export async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
