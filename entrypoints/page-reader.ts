import { readPage } from '@/lib/page/read-page';

/**
 * Injected into the current tab by **Attach page** (`scripting.executeScript`, on the user's
 * click); what `main` returns is the reading the background receives. Wiring only.
 */
export default defineUnlistedScript(() => readPage({ document, url: location.href, selection: window.getSelection()?.toString() ?? '' }));
