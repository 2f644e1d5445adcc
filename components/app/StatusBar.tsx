import type { LinkState, LinkStatus } from '@/lib/messaging/background-link';
import { useLinkTrouble } from './useLinkTrouble';

const TEXT: Record<LinkStatus, { tone: 'ok' | 'warn'; text: string }> = {
  connecting: { tone: 'warn', text: 'Starting background…' },
  connected: { tone: 'ok', text: 'Background connected' },
  reconnecting: { tone: 'warn', text: 'Reconnecting to background…' },
};

/**
 * The footer that says whether the background answers. Shown only when it has not for a moment;
 * otherwise it stays in the page for assistive technology (and tests), visually hidden.
 */
export function StatusBar({ link }: { link: LinkState }) {
  const { tone, text } = TEXT[link.status];
  const trouble = useLinkTrouble(link.status);
  return (
    <footer className={trouble ? 'statusbar' : 'statusbar sr-only'} data-trouble={trouble}>
      <span className="dot" data-tone={tone} aria-hidden="true" />
      <span role="status" aria-label="Background status">
        {text}
      </span>
    </footer>
  );
}
