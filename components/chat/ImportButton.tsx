import { useRef } from 'react';
import { MAX_IMPORT_BYTES } from '@/lib/contract/import-limits';
import { sendCommand } from '@/lib/messaging/command-client';

/**
 * Imports a conversation from an exported JSON file. The background validates it; its refusal
 * reason is what the user reads.
 */
export function ImportButton({ onImported, onFailed }: { onImported(conversationId: string): void; onFailed(text: string): void }) {
  const input = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    if (file.size > MAX_IMPORT_BYTES) return onFailed(`${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    const answer = await sendCommand('chat.import', { text: await file.text() });
    if (answer.ok) onImported(answer.conversationId);
    else onFailed(`Could not import ${file.name}: ${answer.error}`);
  }

  return (
    <>
      <button className="btn btn-small" type="button" onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        className="sr-only"
        type="file"
        accept="application/json,.json"
        aria-label="Import file"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importFile(file).catch((error: unknown) => onFailed(error instanceof Error ? error.message : String(error)));
        }}
      />
    </>
  );
}
