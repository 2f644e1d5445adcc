/**
 * Seed data for the bench, generated inside an extension page straight into the extension's
 * IndexedDB (never committed, never shipped). Rows follow lib/db/rows.ts, so the panel parses them
 * as its own; they are written with the raw IndexedDB API into the database the background already
 * opened, so no Patchbay code is involved in making them.
 */

const DATABASE_NAME = 'patchbay';

/** How a batch of conversations looks: ids are `${prefix}-${index}`, newest last. */
export interface ConversationSeed {
  prefix: string;
  from: number;
  to: number;
  messagesEach: number;
  connectorId: string;
  /** updatedAt of the first conversation; each next one is a second later. */
  startAt: number;
}

/** One long conversation with a title the bench clicks and a marker in its last message. */
export interface LongConversationSeed {
  id: string;
  title: string;
  messages: number;
  connectorId: string;
  updatedAt: number;
  marker: string;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const SENTENCES = [
  'The server answered with the list of files in the project, sorted by size.',
  'Here is what changed since the last run: two tools were renamed and one was removed.',
  'I could not find a matching record; try a narrower query or another connector.',
  'The **echo** tool returned exactly what was sent, so the round trip works.',
  'Use `limit` to page through the results, and `fields` to keep the answer short.',
];

const complete = { type: 'complete' as const };

/** A message as the run engine writes it: user text, or an answer with text and now and then a tool call. */
function message(conversationId: string, seq: number, connectorId: string, createdAt: number, last: string | null) {
  const id = `${conversationId}-m${seq}`;
  if (seq % 2 === 0) {
    return { id, conversationId, seq, role: 'user', createdAt, parts: [{ id: `${id}-p0`, type: 'text', status: complete, text: last ?? `Question ${seq}: ${SENTENCES[seq % SENTENCES.length]}` }] };
  }
  const text = last ?? `${SENTENCES[seq % SENTENCES.length]}\n\n- ${SENTENCES[(seq + 1) % SENTENCES.length]}\n- ${SENTENCES[(seq + 2) % SENTENCES.length]}`;
  const parts: Record<string, unknown>[] = [];
  if (seq % 10 === 1 && last === null) {
    const callId = `${id}-call`;
    parts.push({ id: `${id}-tc`, type: 'tool-call', status: complete, callId, connectorId, toolName: 'echo', argsText: '{"message":"hello"}', args: { message: 'hello' }, startedAt: createdAt, endedAt: createdAt + 12 });
    parts.push({ id: `${id}-tr`, type: 'tool-result', status: complete, callId, result: { content: [{ type: 'text', text: 'Echo: hello' }] }, isError: false, sizeBytes: 48 });
  }
  parts.push({ id: `${id}-p0`, type: 'text', status: complete, text });
  return { id, conversationId, seq, role: 'assistant', createdAt, parts, usage: { inputTokens: 120, outputTokens: 40 } };
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('Seed transaction aborted'));
  });
}

/** Writes conversations `from`..`to-1` with their messages, 200 conversations a transaction. */
export async function seedConversations(seed: ConversationSeed): Promise<void> {
  const db = await openDatabase();
  try {
    for (let start = seed.from; start < seed.to; start += 200) {
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      const conversations = tx.objectStore('conversations');
      const messages = tx.objectStore('messages');
      for (let i = start; i < Math.min(seed.to, start + 200); i++) {
        const id = `${seed.prefix}-${i}`;
        const at = seed.startAt + i * 1000;
        conversations.put({ id, title: `Seeded conversation ${i}`, connectorIds: [seed.connectorId], model: null, createdAt: at, updatedAt: at });
        for (let seq = 0; seq < seed.messagesEach; seq++) messages.put(message(id, seq, seed.connectorId, at + seq, null));
      }
      await done(tx);
    }
  } finally {
    db.close();
  }
}

/** Writes one conversation of `messages` messages whose last one carries `marker`. */
export async function seedLongConversation(seed: LongConversationSeed): Promise<void> {
  const db = await openDatabase();
  try {
    const tx = db.transaction(['conversations', 'messages'], 'readwrite');
    tx.objectStore('conversations').put({ id: seed.id, title: seed.title, connectorIds: [seed.connectorId], model: null, createdAt: seed.updatedAt, updatedAt: seed.updatedAt });
    const messages = tx.objectStore('messages');
    for (let seq = 0; seq < seed.messages; seq++) {
      const last = seq === seed.messages - 1 ? `The last answer of this conversation: ${seed.marker}.` : null;
      messages.put(message(seed.id, seq, seed.connectorId, seed.updatedAt - seed.messages + seq, last));
    }
    await done(tx);
  } finally {
    db.close();
  }
}
