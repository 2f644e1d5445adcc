import { useState } from 'react';
import { formatBytes } from '@/lib/contract/format-bytes';
import { downloadText } from '../ui/download-text';
import { errorText } from '../ui/error-text';

/** A cut result's whole: its file name, and how to get its JSON text (from the background or the database). */
export interface FullResultSource {
  fileName: string;
  json(): Promise<string>;
}

/** "Download full result": every byte of a result the view shows shortened, as a JSON file. */
export function DownloadFullResult({ source, totalBytes }: { source: FullResultSource; totalBytes: number }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    setFailure(null);
    try {
      downloadText(source.fileName, await source.json(), 'application/json');
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void download()}>
        Download full result ({formatBytes(totalBytes)})
      </button>
      {failure && (
        <p className="notice" data-tone="error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
