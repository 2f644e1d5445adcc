import type { AttachedContext } from '@/lib/contract/attached-context';

/** An attachment waiting in the composer; `changed` once its server said the resource was updated. */
export interface DraftAttachment {
  context: AttachedContext;
  changed: boolean;
}

/** What the composer will send next: the text in the Message box and the chips above it. */
export interface ComposerDraftState {
  text: string;
  attachments: readonly DraftAttachment[];
}

/**
 * The composer's draft, outside React so any view can add to it: the Connectors screen's **Attach**
 * and **Insert**, the chat's `/` prompts, and **Attach page** all call {@link composerDraft}; the
 * composer renders it through `useComposerDraft`. It lives as long as the panel page, like a draft
 * in a text box, and is cleared by a successful Send.
 */
export class ComposerDraftStore {
  private state: ComposerDraftState = { text: '', attachments: [] };
  private readonly listeners = new Set<() => void>();

  get snapshot(): ComposerDraftState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setText(text: string): void {
    this.set({ ...this.state, text });
  }

  /** Adds text after what is typed (a blank line between), as a prompt's rendered messages are inserted. */
  insertText(text: string): void {
    if (text === '') return;
    this.setText(this.state.text.trim() === '' ? text : `${this.state.text.replace(/\s+$/, '')}\n\n${text}`);
  }

  /** Adds an attachment to the next message; one with the same id (a re-read) replaces the old one in place. */
  attach(context: AttachedContext): void {
    const next = { context, changed: false };
    const at = this.state.attachments.findIndex((item) => item.context.id === context.id);
    const attachments = at === -1 ? [...this.state.attachments, next] : this.state.attachments.map((item, index) => (index === at ? next : item));
    this.set({ ...this.state, attachments });
  }

  remove(id: string): void {
    this.set({ ...this.state, attachments: this.state.attachments.filter((item) => item.context.id !== id) });
  }

  /** The server said this resource changed: its chips are marked, to be re-read on request. */
  markChanged(connectorId: string, uri: string): void {
    const hit = (item: DraftAttachment) => item.context.source.kind === 'resource' && item.context.source.connectorId === connectorId && item.context.source.uri === uri;
    if (!this.state.attachments.some(hit)) return;
    this.set({ ...this.state, attachments: this.state.attachments.map((item) => (hit(item) ? { ...item, changed: true } : item)) });
  }

  /** Empties the draft for sending and returns what it held, so a refused send can {@link restore} it. */
  take(): ComposerDraftState {
    const taken = this.state;
    this.set({ text: '', attachments: [] });
    return taken;
  }

  /** Puts back what a refused send took, keeping anything added meanwhile. */
  restore(taken: ComposerDraftState): void {
    const ids = new Set(taken.attachments.map((item) => item.context.id));
    this.set({
      text: this.state.text || taken.text,
      attachments: [...taken.attachments, ...this.state.attachments.filter((item) => !ids.has(item.context.id))],
    });
  }

  private set(state: ComposerDraftState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The panel's one draft. */
export const composerDraft = new ComposerDraftStore();
