import type { RenderedPrompt } from '@/lib/messaging/context-command-protocol';
import { composerDraft } from '../chat/composer-draft';

/** Puts a rendered prompt into the composer: its text after what is typed, the rest as chips. */
export function insertRenderedPrompt(rendered: RenderedPrompt): void {
  composerDraft.insertText(rendered.text);
  for (const attachment of rendered.attachments) composerDraft.attach(attachment);
}
