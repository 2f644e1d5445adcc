import type { Locator } from 'playwright-core';

/** A server request card (UI contract: an article named "Request from <connector>"). */
export class RequestCard {
  constructor(readonly root: Locator) {}

  /** The open card from this connector inside `scope` (a dialog, the message list, the page). */
  static pendingIn(scope: Locator | { getByRole: Locator['getByRole'] }, connector: string): RequestCard {
    const cards = scope.getByRole('article', { name: `Request from ${connector}`, exact: true });
    return new RequestCard(cards.filter({ has: (scope as Locator).page().getByRole('button', { name: 'Decline', exact: true }) }));
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  button(name: 'Accept' | 'Decline' | 'Cancel' | 'Open'): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }
}
