import type { LinkState, LinkStatus } from '@/lib/messaging/background-link';

const TEXT: Record<LinkStatus, { tone: 'ok' | 'warn'; text: string }> = {
  connecting: { tone: 'warn', text: 'Starting background…' },
  connected: { tone: 'ok', text: 'Background connected' },
  reconnecting: { tone: 'warn', text: 'Reconnecting to background…' },
};

/** A fixed-height footer: whether the background answers, and which build this is. */
export function StatusBar({ link, version }: { link: LinkState; version: string }) {
  const { tone, text } = TEXT[link.status];
  return (
    <footer className="statusbar">
      <span className="dot" data-tone={tone} aria-hidden="true" />
      <span role="status" aria-label="Background status">{text}</span>
      <span className="spacer">Patchbay {version}</span>
    </footer>
  );
}
