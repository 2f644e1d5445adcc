import { useRef } from 'react';

/** Larger files are refused before they are read (the trace format's own limit, 20 MB). */
const MAX_TRACE_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Picks a trace file to view read-only. The file is only read here; it is parsed and checked in
 * the viewer's lazy chunk, and never imported into the conversations. The file input is `hidden`
 * (a programmatic click still opens the picker): it is not a control of its own on the screen.
 */
export function OpenTraceButton({ onOpen, onFailed }: { onOpen(fileName: string, text: string): void; onFailed(text: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button className="btn btn-small" type="button" onClick={() => input.current?.click()}>
        Open trace
      </button>
      <input
        ref={input}
        hidden
        type="file"
        accept="application/json,.json"
        aria-label="Trace file"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > MAX_TRACE_FILE_BYTES) return onFailed(`${file.name} is larger than the 20 MB a trace may be.`);
          file.text().then((text) => onOpen(file.name, text), (error: unknown) => onFailed(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`));
        }}
      />
    </>
  );
}
