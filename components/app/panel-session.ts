/**
 * One id per panel page load. Remembered approvals are scoped to the load they were made in
 * (unless the user keeps them across reloads), so a reload has to look like a new session.
 */
export const panelSessionId: string = crypto.randomUUID();
