import { describe, expect, it } from 'vitest';
import { ComposerDraftStore } from '@/components/chat/composer-draft';
import type { AttachedContext } from '@/lib/contract/attached-context';

const resource = (id: string, uri = `file:///${id}`): AttachedContext => ({
  id,
  name: id,
  source: { kind: 'resource', connectorId: 'c1', uri },
  mimeType: 'text/plain',
  text: id,
  sizeBytes: id.length,
  attachedAt: 0,
});

describe('the composer draft', () => {
  it('adds attachments, replaces one with the same id in place, and removes by id', () => {
    const draft = new ComposerDraftStore();
    let changes = 0;
    draft.subscribe(() => changes++);
    draft.attach(resource('a'));
    draft.attach(resource('b'));
    draft.attach({ ...resource('a'), text: 'new' });
    expect(draft.snapshot.attachments.map((item) => [item.context.id, item.context.text])).toEqual([['a', 'new'], ['b', 'b']]);
    draft.remove('a');
    expect(draft.snapshot.attachments.map((item) => item.context.id)).toEqual(['b']);
    expect(changes).toBe(4);
  });

  it('inserts text after what is typed, with a blank line between', () => {
    const draft = new ComposerDraftStore();
    draft.insertText('first');
    draft.setText('typed  ');
    draft.insertText('inserted');
    expect(draft.snapshot.text).toBe('typed\n\ninserted');
  });

  it('marks only the resource the server named as changed, and a re-read clears the mark', () => {
    const draft = new ComposerDraftStore();
    draft.attach(resource('a', 'file:///x'));
    draft.attach(resource('b', 'file:///y'));
    draft.markChanged('c1', 'file:///x');
    draft.markChanged('other-connector', 'file:///y');
    expect(draft.snapshot.attachments.map((item) => item.changed)).toEqual([true, false]);
    draft.attach(resource('a', 'file:///x'));
    expect(draft.snapshot.attachments[0]!.changed).toBe(false);
  });

  it('gives back what a refused send took, keeping what was added meanwhile', () => {
    const draft = new ComposerDraftStore();
    draft.setText('hello');
    draft.attach(resource('a'));
    const taken = draft.take();
    expect(draft.snapshot).toEqual({ text: '', attachments: [] });
    draft.attach(resource('b'));
    draft.restore(taken);
    expect(draft.snapshot.text).toBe('hello');
    expect(draft.snapshot.attachments.map((item) => item.context.id)).toEqual(['a', 'b']);
  });
});
