import { useState } from 'react';
import { MAX_SYSTEM_PROMPT_CHARS } from '@/lib/contract/system-prompt';
import { TextAreaField } from '../../ui/Field';

interface Props {
  initial: string;
  onSave(text: string): Promise<void>;
  onCancel(): void;
}

/**
 * The conversation's system prompt: what the model is told before the conversation, with every
 * request (a system message, or the Responses API's instructions). Empty removes it.
 */
export default function SystemPromptEditor({ initial, onSave, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const tooLong = text.length > MAX_SYSTEM_PROMPT_CHARS;
  return (
    <form
      className="card stack system-prompt-editor"
      aria-label="Edit the system prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (tooLong) return;
        setSaving(true);
        void onSave(text).finally(() => setSaving(false));
      }}
    >
      <TextAreaField
        label="System prompt"
        rows={4}
        value={text}
        placeholder="For example: You review pull requests. Answer in short bullet points."
        onChange={(event) => setText(event.target.value)}
        hint={`${text.length.toLocaleString('en')} / ${MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters. Sent first with every request of this conversation; empty sends none.`}
        error={tooLong ? 'Too long: shorten it to save.' : null}
      />
      <div className="row">
        <button className="btn btn-primary btn-small" type="submit" disabled={saving || tooLong}>
          Save prompt
        </button>
        <button className="btn btn-small" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
