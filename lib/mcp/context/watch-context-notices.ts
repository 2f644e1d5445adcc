import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { ContextNoticeSchema, type ContextNotice } from '../../contract/resource-view';

/**
 * Passes the server's prompt and resource notifications on as {@link ContextNotice}s: the lists
 * changed, or a subscribed resource was updated. The SDK has parsed each notification; the URI is
 * checked again for length, since it goes on to the panel.
 */
export function watchContextNotices(client: Client, notify: (notice: ContextNotice) => void): void {
  client.setNotificationHandler(PromptListChangedNotificationSchema, () => notify({ kind: 'prompts-changed' }));
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => notify({ kind: 'resources-changed' }));
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
    const notice = ContextNoticeSchema.safeParse({ kind: 'resource-updated', uri: notification.params.uri });
    if (notice.success) notify(notice.data);
  });
}
