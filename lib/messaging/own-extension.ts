/**
 * Who may talk to the background: Patchbay's own pages. The id alone says "this extension"; the
 * page origin also rules out a content script (it carries the extension's id but a web page's
 * URL), so a future content script can never reach commands meant for the panel.
 */
export interface OwnExtension {
  id: string;
  /** `runtime.getURL('/')`: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

/** The part of `runtime.MessageSender` the background trusts. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
}

/** True only for a page of this extension (side panel, sidebar, or its page opened in a tab). */
export function isOwnExtensionPage(sender: MessageSenderLike | undefined, own: OwnExtension): boolean {
  return sender?.id === own.id && typeof sender.url === 'string' && sender.url.startsWith(own.origin);
}
