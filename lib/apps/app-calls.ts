import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AppCallAnswer, AppCallDecision, AppCallRequest } from '../contract/app-call';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import type { WireEvent } from '../mcp/protocol-log/wire-event';
import type { ToolRisk } from '../policy/tool-policy';
import { admitAppCall, type AppAdmissionDeps } from './admit-app-call';
import type { AppResources } from './app-resources';
import { AppCallLostError, auditAppCall, errorResult } from './app-call-audit';

/** What app calls need from the background: the same hub, audit and protocol log as every call. */
export interface AppCallDeps {
  resources: Pick<AppResources, 'forTool'>;
  admission: Omit<AppAdmissionDeps, 'keepAcrossReloads'>;
  keepAcrossReloads(): Promise<boolean>;
  callTool(connectorId: string, toolName: string, args: Record<string, unknown>): Promise<CallToolResult>;
  audit: Pick<DecisionsRepository, 'appendAudit' | 'remember'>;
  record(connectorId: string, event: WireEvent): void;
}

interface PendingCall {
  request: AppCallRequest;
  fingerprint: string;
  risk: ToolRisk;
}

/**
 * The background's side of apps' `tools/call`: admitted by {@link admitAppCall}, run at once when
 * the policy says so, otherwise held until the user decides on the card the panel shows. Every
 * call is marked in the connector's protocol log as the app's, and every decision and write call
 * is in the audit with `origin: 'app'`. Held calls live only in this worker: after a restart a
 * decision on one fails with {@link AppCallLostError} and nothing is sent.
 */
export class AppCalls {
  private readonly pending = new Map<string, PendingCall>();

  constructor(private readonly deps: AppCallDeps) {}

  async call(request: AppCallRequest): Promise<AppCallAnswer> {
    const { host, toolName, args } = request;
    this.mark(request, 'requested');
    const page = await this.deps.resources.forTool(host.connectorId, host.toolName);
    if (!page.ok) return this.refuse(request, `The app that sent this call is not loaded: ${page.reason}`);
    const keepAcrossReloads = await this.deps.keepAcrossReloads();
    const admission = await admitAppCall(request, page.resource.fingerprint, { ...this.deps.admission, keepAcrossReloads });
    if (admission.type === 'refused') return this.refuse(request, admission.reason);
    const { outcome, tool, fingerprint } = admission;
    switch (outcome.action) {
      case 'run':
        if (outcome.why === 'remembered-allow') await auditAppCall(this.deps.audit, request, { kind: 'approved', remembered: true });
        return { type: 'result', result: await this.send(request, args, outcome.risk, outcome.why !== 'read-only') };
      case 'deny':
        await auditAppCall(this.deps.audit, request, { kind: 'denied', remembered: true });
        return this.refuse(request, 'The user denied this tool earlier in this conversation.');
      case 'ask': {
        const appCallId = crypto.randomUUID();
        this.pending.set(appCallId, { request, fingerprint, risk: outcome.risk });
        const { why, risk, claims } = outcome;
        return { type: 'ask', appCallId, tool, args, ask: { why, risk, claims } };
      }
    }
  }

  async decide(answer: AppCallDecision): Promise<CallToolResult> {
    const held = this.pending.get(answer.appCallId);
    if (!held) throw new AppCallLostError();
    this.pending.delete(answer.appCallId);
    const { request, fingerprint, risk } = held;
    const remembered = answer.remembered && request.host.type === 'chat-call';
    await auditAppCall(this.deps.audit, request, { kind: answer.decision === 'allow' ? 'approved' : 'denied', remembered, fingerprint, panelSessionId: answer.panelSessionId, editedArgs: answer.editedArgs });
    if (answer.decision === 'deny') return this.refuse(request, 'The user denied this call.').result;
    // An edited input passes the same admission again: the schema, and the tool still being there.
    const args = answer.editedArgs ?? request.args;
    if (answer.editedArgs) {
      const page = await this.deps.resources.forTool(request.host.connectorId, request.host.toolName);
      const again = page.ok ? await admitAppCall({ ...request, args }, page.resource.fingerprint, { ...this.deps.admission, keepAcrossReloads: false }) : { type: 'refused' as const, reason: 'The app is no longer loaded.' };
      if (again.type === 'refused') return this.refuse(request, again.reason).result;
    }
    return this.send(request, args, risk, true);
  }

  private async send(request: AppCallRequest, args: Record<string, unknown>, risk: ToolRisk, audited: boolean): Promise<CallToolResult> {
    const started = Date.now();
    let result: CallToolResult;
    try {
      result = await this.deps.callTool(request.host.connectorId, request.toolName, args);
    } catch (error) {
      result = errorResult(`The tool call failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (audited) {
      await auditAppCall(this.deps.audit, request, { kind: 'write-call', input: args, risk, outcome: result.isError ? 'error' : 'ok', durationMs: Date.now() - started });
    }
    return result;
  }

  private refuse(request: AppCallRequest, reason: string): AppCallAnswer & { type: 'result' } {
    this.mark(request, 'refused', reason);
    return { type: 'result', result: errorResult(reason) };
  }

  /** The protocol log's line for the app's request: who asked, before the frames the hub records. */
  private mark(request: AppCallRequest, stage: 'requested' | 'refused', reason?: string): void {
    const frame = { origin: 'app', app: request.host.toolName, stage, tool: request.toolName, arguments: request.args, ...(reason ? { reason } : {}) };
    this.deps.record(request.host.connectorId, {
      at: Date.now(), direction: 'out', method: 'app: tools/call', httpStatus: null, durationMs: null,
      sizeBytes: new TextEncoder().encode(JSON.stringify(frame)).length, frame,
    });
  }
}
