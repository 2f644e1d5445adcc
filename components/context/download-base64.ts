import { downloadBlob } from '../ui/download-text';

/** Saves base64 bytes as a download (see {@link downloadBlob}). */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type }));
}
