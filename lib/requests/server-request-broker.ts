import type { ServerRequestKind, ServerRequestRow } from '../contract/server-request';
import type { ServerRequestAnswerInput, ServerRequestReply, ServerRequestSettlement } from '../contract/server-request-reply';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { auditOfServerRequest } from './audit-server-request';
import type { RequestLocation } from './locate-request';
import type { ServerRequestKindHandler } from './server-request-kind';
import { ServerRequestError } from './server-request-error';
import { LOST_AT_WAKE, lostSettlement, expiredSettlement } from './settlements';

/** A request as it arrived from a server, before it is stored. */
export interface IncomingServerRequest {
  connectorId: string;
  connectorLabel: string;
  /** The host of the connector's server (never its full URL, which may hold credentials). */
  serverHost?: string;
  kind: ServerRequestKind;
  /** The request's params as the SDK validated them: the server's words, untrusted. */
  params: Record<string, unknown>;
  rpcRequestId?: string | number;
  /** The SDK handler's signal: it aborts when the server cancels (or times out) or the connection closes. */
  signal: AbortSignal;
  /** Ends the request at once, nobody asked (a schema Patchbay cannot show): stored, audited, shown. */
  refuse?: ServerRequestSettlement;
}

export interface ServerRequestBrokerDeps {
  requests: ServerRequestsRepository;
  /** Which call caused a request from this connector, and where it is shown (see `locateRequest`). */
  locate(connectorId: string): Promise<RequestLocation>;
  /** Told of each settled row after it is stored (the retention's trigger); must not wait or throw. */
  onSettled?(row: ServerRequestRow): void;
  now?(): number;
  newId?(): string;
}

/**
 * The background's one place where server requests wait for a person. Each request becomes a
 * `serverRequests` row the panel lists with live queries; the SDK handler awaits `open`, which
 * resolves with the reply once the request is settled: by the person (through the kind's handler),
 * by the server giving up (`expired`), or, after a worker restart, as `lost` at wake. Every
 * settlement is written once, with its audit entry, in one transaction.
 */
export class ServerRequestBroker {
  private readonly waiting = new Map<string, (reply: ServerRequestReply) => void>();
  private readonly kinds = new Map<ServerRequestKind, ServerRequestKindHandler>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: ServerRequestBrokerDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** Registers the rules for answering one kind of request (one handler per kind). */
  register(kind: ServerRequestKind, handler: ServerRequestKindHandler): void {
    this.kinds.set(kind, handler);
  }

  /** Stores the request and waits until it is settled; resolves with what to send to the server. */
  async open(incoming: IncomingServerRequest): Promise<ServerRequestReply> {
    const row = await this.store(incoming);
    if (incoming.refuse) return (await this.settle(row.id, incoming.refuse)) ? incoming.refuse.reply : expiredSettlement(undefined).reply;
    const settled = new Promise<ServerRequestReply>((resolve) => this.waiting.set(row.id, resolve));
    const expire = () => void this.settle(row.id, expiredSettlement(incoming.signal.reason)).catch((error: unknown) => console.error('Patchbay: could not mark a server request expired', error));
    if (incoming.signal.aborted) expire();
    else incoming.signal.addEventListener('abort', expire, { once: true });
    try {
      return await settled;
    } finally {
      incoming.signal.removeEventListener('abort', expire);
    }
  }

  /** Stores a request without waiting for it: `open` uses it; a test can seed rows with it. */
  async store(incoming: Omit<IncomingServerRequest, 'signal' | 'refuse'>): Promise<ServerRequestRow> {
    const location = await this.deps.locate(incoming.connectorId);
    const row: ServerRequestRow = {
      id: this.newId(),
      connectorId: incoming.connectorId,
      connectorLabel: incoming.connectorLabel,
      kind: incoming.kind,
      params: incoming.params,
      origin: location.origin,
      conversationId: location.conversationId,
      unfamiliar: location.unfamiliar,
      receivedAt: this.now(),
      status: 'pending',
      ...(location.toolName === undefined ? {} : { toolName: location.toolName }),
      ...(incoming.rpcRequestId === undefined ? {} : { rpcRequestId: incoming.rpcRequestId }),
      ...(incoming.serverHost === undefined ? {} : { serverHost: incoming.serverHost }),
    };
    await this.deps.requests.add(row);
    return row;
  }

  /**
   * The person's answer (the panel's `serverRequests.answer`), judged by the kind's handler against
   * the stored request. Refused with a `ServerRequestError` when the request is unknown or ended.
   */
  async answer({ id, answer }: ServerRequestAnswerInput): Promise<void> {
    const row = await this.deps.requests.get(id);
    if (!row) throw new ServerRequestError('request-not-found', 'This request is no longer stored.');
    if (row.status === 'done') throw new ServerRequestError('request-settled', `This request already ended (${row.outcome ?? 'done'}).`);
    const handler = this.kinds.get(row.kind);
    if (!handler) throw new ServerRequestError('invalid-answer', `Patchbay cannot answer a ${row.kind} request.`);
    const step = await handler.answer(row, answer);
    switch (step.type) {
      case 'settle':
        if (!(await this.settle(id, step.settlement))) throw new ServerRequestError('request-settled', 'This request ended before the answer arrived.');
        return;
      case 'advance':
        if (!(await this.advance(id, step.patch))) throw new ServerRequestError('request-settled', 'This request ended before the answer arrived.');
        return;
      case 'none':
        return;
    }
  }

  /**
   * Ends the request with this settlement, audits it, and hands the reply to the waiting SDK
   * handler. False when it had ended already (the first settlement wins, nothing is sent twice).
   */
  async settle(id: string, settlement: ServerRequestSettlement): Promise<boolean> {
    const { reply } = settlement;
    const response = settlement.unsent ? undefined : reply.type === 'result' ? reply.result : { error: { code: reply.code, message: reply.message } };
    const settled = await this.deps.requests.settle(
      id,
      { outcome: settlement.outcome, answeredAt: this.now(), ...(response === undefined ? {} : { response }), ...(settlement.reason === undefined ? {} : { reason: settlement.reason }) },
      auditOfServerRequest,
    );
    if (!settled) {
      await this.releaseIfDeleted(id, settlement.reply);
      return false;
    }
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.(settlement.reply);
    this.deps.onSettled?.(settled);
    return true;
  }

  /**
   * A request whose row was deleted under it (its connector was removed) can no longer be
   * settled; its waiting SDK handler still gets the reply, so it does not wait for ever.
   */
  private async releaseIfDeleted(id: string, reply: ServerRequestReply): Promise<void> {
    const resolve = this.waiting.get(id);
    if (!resolve || (await this.deps.requests.get(id))) return;
    this.waiting.delete(id);
    resolve(reply);
  }

  /** Moves an open request on without ending it (sampling's statuses); false when it had ended. */
  async advance(id: string, patch: Partial<Pick<ServerRequestRow, 'status' | 'draft' | 'reason'>>): Promise<boolean> {
    return (await this.deps.requests.advance(id, patch)) !== undefined;
  }

  /** Whether an SDK handler in this worker still waits on the request (false after a restart). */
  isWaiting(id: string): boolean {
    return this.waiting.has(id);
  }

  /**
   * At wake: every request a previous worker left open ends as `lost`, with the reason, in the
   * audit too. Its SDK handler died with that worker, so no answer can reach the server any more.
   * Call before any connector connects, so no request of this worker is caught. Answers the
   * count; `onLost` gets each row as settled (see `answerLostRequests`, which tells the server).
   */
  async settleLostAtWake(reason: string = LOST_AT_WAKE, onLost?: (row: ServerRequestRow) => void): Promise<number> {
    let count = 0;
    for (const row of await this.deps.requests.unsettled()) {
      if (this.waiting.has(row.id)) continue;
      if (await this.settle(row.id, lostSettlement(reason))) {
        count += 1;
        const settled = await this.deps.requests.get(row.id);
        if (settled) onLost?.(settled);
      }
    }
    return count;
  }
}
