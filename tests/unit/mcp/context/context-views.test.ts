import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@/lib/contract/attachment-limits';
import { renderPrompt } from '@/lib/mcp/context/render-prompt';
import { AttachmentTooLargeError, resourceAttachments } from '@/lib/mcp/context/resource-attachments';
import { MAX_DOWNLOAD_BYTES, MAX_INLINE_IMAGE_BYTES, resourceContentsView } from '@/lib/mcp/context/resource-contents-view';
import { DISPLAY_RESULT_BUDGET_BYTES } from '@/lib/mcp/session/cap-result';

const b64 = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);

describe('resource contents for display', () => {
  it('caps text for display and states the full size', () => {
    const text = 'é'.repeat(DISPLAY_RESULT_BUDGET_BYTES);
    const [view] = resourceContentsView({ contents: [{ uri: 'x:a', mimeType: 'text/plain', text }] });
    expect(view).toMatchObject({ kind: 'text', truncated: true, totalBytes: DISPLAY_RESULT_BUDGET_BYTES * 2 });
    expect(view!.kind === 'text' && new TextEncoder().encode(view!.text).length).toBeLessThan(DISPLAY_RESULT_BUDGET_BYTES + 200);
    expect(view!.kind === 'text' && view!.text).toContain('the full text is 512.0 KB');
  });

  it('shows only raster images inline; SVG and oversize images are downloads, huge blobs only a size', () => {
    const views = resourceContentsView({
      contents: [
        { uri: 'x:png', mimeType: 'image/png', blob: b64(300) },
        { uri: 'x:svg', mimeType: 'image/svg+xml', blob: b64(300) },
        { uri: 'x:big', mimeType: 'image/png', blob: b64(MAX_INLINE_IMAGE_BYTES + 3) },
        { uri: 'x:huge', mimeType: 'application/zip', blob: b64(MAX_DOWNLOAD_BYTES + 3) },
      ],
    });
    expect(views.map((view) => view.kind)).toEqual(['image', 'blob', 'blob', 'blob']);
    expect(views[1]).toMatchObject({ mimeType: 'image/svg+xml', base64: expect.any(String) });
    expect(views[3]).toMatchObject({ base64: null });
    expect(views[3]!.totalBytes).toBeGreaterThan(MAX_DOWNLOAD_BYTES);
  });
});

describe('resources and prompts as attached context', () => {
  it('cuts long text to the attachment limit but keeps the full size for the chip', () => {
    const [attachment] = resourceAttachments('c1', 'big.txt', { contents: [{ uri: 'file:///big.txt', text: 'x'.repeat(MAX_ATTACHMENT_BYTES * 2) }] });
    expect(attachment!.sizeBytes).toBe(MAX_ATTACHMENT_BYTES * 2);
    expect(new TextEncoder().encode(attachment!.text!).length).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES);
    expect(attachment!.mimeType).toBe('text/plain');
  });

  it('refuses bytes over the limit by name instead of cutting them', () => {
    expect(() => resourceAttachments('c1', 'photo', { contents: [{ uri: 'x:p', mimeType: 'image/png', blob: b64(MAX_ATTACHMENT_BYTES) }] })).toThrow(AttachmentTooLargeError);
    expect(() => resourceAttachments('c1', 'photo', { contents: [{ uri: 'x:p', mimeType: 'image/png', blob: b64(MAX_ATTACHMENT_BYTES) }] })).toThrow(/“photo” is .* of binary data/);
  });

  it('gives the same id to the same resource read twice, so a re-read replaces its chip', () => {
    const read = () => resourceAttachments('c1', 'a', { contents: [{ uri: 'x:a', text: 'v' }] })[0]!.id;
    expect(read()).toBe(read());
  });

  it('renders a prompt: user text as text, assistant text marked, images and resources as context', () => {
    const rendered = renderPrompt('c1', 'review', {
      messages: [
        { role: 'user', content: { type: 'text', text: 'Review this.' } },
        { role: 'assistant', content: { type: 'text', text: 'Sure, send it.' } },
        { role: 'user', content: { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' } },
        { role: 'user', content: { type: 'resource', resource: { uri: 'file:///a.ts', mimeType: 'text/x-typescript', text: 'let a = 1;' } } },
        { role: 'user', content: { type: 'resource_link', uri: 'file:///b.ts', name: 'b.ts' } },
      ],
    });
    expect(rendered.text).toBe('Review this.\n\n(Assistant, from the prompt) Sure, send it.\n\nResource: b.ts <file:///b.ts>');
    expect(rendered.attachments.map((a) => [a.name, a.mimeType, a.source])).toEqual([
      ['review image 3', 'image/png', { kind: 'prompt', connectorId: 'c1', promptName: 'review' }],
      ['file:///a.ts', 'text/x-typescript', { kind: 'prompt', connectorId: 'c1', promptName: 'review' }],
    ]);
  });
});
