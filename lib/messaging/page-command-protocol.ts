import { z } from 'zod';
import { AttachedContextSchema } from '../contract/attached-context';

/** Commands about the tab beside the panel. */
export const pageCommandProtocol = {
  /**
   * **Attach page**: the current tab's selection, or else its readable text, as attached context
   * for the next message (see lib/page/capture-page). Fails with `page-unreadable` and a message
   * saying what to do when the tab cannot be read.
   */
  'page.attach': { request: z.object({}), response: AttachedContextSchema },
};
