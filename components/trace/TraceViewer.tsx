import { useMemo } from 'react';
import { parseTraceFile, type TraceFile } from '@/lib/contract/trace-file';
import { TraceConversation } from './TraceConversation';
import { TraceFrameList } from './TraceFrameList';
import { TraceToolList } from './TraceToolList';
import './trace.css';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** What the person picked: the file's text and name, parsed here (in this lazy chunk), never stored. */
export interface OpenedTrace {
  fileName: string;
  text: string;
}

/**
 * A trace from another Patchbay, read-only: the conversation, its calls with their frames, the
 * frames on the wire and the tool definitions. Everything in it is someone else's data: it is
 * shown as plain text only — no Markdown, no links, no images, no apps — and nothing in it can
 * be run, approved or sent. It is never written into the user's conversations.
 */
export default function TraceViewer({ opened, onClose }: { opened: OpenedTrace; onClose(): void }) {
  const parsed = useMemo((): { trace: TraceFile } | { error: string } => {
    try {
      return { trace: parseTraceFile(opened.text) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [opened.text]);

  return (
    <section className="trace-view" aria-label="Trace">
      <header className="trace-head">
        <div className="trace-title">
          <span className="section-title">Trace · read-only</span>
          <strong>{'trace' in parsed ? parsed.trace.conversation.title || 'Untitled conversation' : opened.fileName}</strong>
        </div>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close trace
        </button>
      </header>
      {'error' in parsed ? (
        <div className="notice" data-tone="error" role="alert">
          <strong>Could not open {opened.fileName}</strong>
          <span className="pre-line">{parsed.error}</span>
        </div>
      ) : (
        <TraceBody trace={parsed.trace} />
      )}
    </section>
  );
}

function TraceBody({ trace }: { trace: TraceFile }) {
  const labels = new Map(trace.connectors.map((connector) => [connector.id, connector.label]));
  return (
    <div className="trace-body">
      <p className="notice small" role="note">
        Opened from a file: nothing here runs, and nothing is saved. Exported {WHEN.format(trace.exportedAt)}
        {trace.conversation.model ? ` · model ${trace.conversation.model}` : ''} · {trace.calls.length} tool calls · {trace.frames.length} frames.
      </p>
      <TraceConversation trace={trace} labels={labels} />
      <TraceFrameList title="Protocol log" frames={trace.frames} labels={labels} />
      <TraceToolList connectors={trace.connectors} />
    </div>
  );
}
