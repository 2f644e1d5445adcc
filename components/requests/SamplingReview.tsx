import { useId, useState } from 'react';
import type { SamplingDraft, SamplingEdit } from '@/lib/contract/sampling-draft';
import { SamplingToolUseView } from './SamplingToolUseView';

interface SamplingReviewProps {
  draft: SamplingDraft;
  busy: boolean;
  onSend(edit: SamplingEdit): void;
  onDiscard(): void;
}

/** The answer's text: the one text block of the result, or the text blocks before its tool uses. */
export function draftText(draft: SamplingDraft): string {
  const content = Array.isArray(draft.result.content) ? draft.result.content : [draft.result.content];
  return content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
}

/**
 * The model's answer, held until the person sends it: the text and every tool input are
 * editable, and **Send to server** sends them as edited (the background checks them again).
 */
export function SamplingReview({ draft, busy, onSend, onDiscard }: SamplingReviewProps) {
  const answerId = useId();
  const [text, setText] = useState(() => draftText(draft));
  const [inputs, setInputs] = useState<Record<string, string>>(() => Object.fromEntries(draft.toolUses.map((use) => [use.id, JSON.stringify(use.input, null, 2)])));
  const parsed = Object.fromEntries(Object.entries(inputs).map(([id, value]) => [id, parseObject(value)]));
  const invalid = Object.values(parsed).some((value) => value === null);

  function send() {
    const toolInputs = Object.fromEntries(Object.entries(parsed).flatMap(([id, value]) => (value ? [[id, value]] : [])));
    onSend({ text, toolInputs });
  }

  return (
    <div className="sampling-review">
      <div className="field">
        <label htmlFor={answerId}>Answer from {draft.result.model}</label>
        <textarea id={answerId} className="input" rows={Math.min(12, text.split('\n').length + 2)} value={text} onChange={(event) => setText(event.target.value)} />
        <span className="hint">
          Stop reason: {draft.result.stopReason ?? 'not given'}. Nothing is sent until you choose Send to server.
        </span>
      </div>
      {draft.toolUses.map((use) => (
        <SamplingToolUseView
          key={use.id}
          use={use}
          text={inputs[use.id] ?? null}
          error={parsed[use.id] === null ? 'Not a JSON object: fix it before sending.' : null}
          onText={(value) => setInputs((current) => ({ ...current, [use.id]: value }))}
        />
      ))}
      <div className="row sampling-actions">
        <button className="btn" type="button" disabled={busy} onClick={onDiscard}>
          Discard
        </button>
        <button className="btn btn-primary" type="button" disabled={busy || invalid} onClick={send}>
          Send to server
        </button>
      </div>
    </div>
  );
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
