/**
 * The words of a tool name, lower-cased: `getUser`, `get_user`, `get-user` and `Calendar.get_user`
 * all read as words, so the checks judge the name a person (and a model) reads.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** Verbs that only read: a tool named by one should carry `readOnlyHint: true` and never `destructiveHint`. */
export const READ_VERBS = new Set([
  'get', 'list', 'read', 'search', 'find', 'fetch', 'query', 'show', 'describe', 'lookup', 'look', 'view', 'count',
  'check', 'inspect', 'browse', 'retrieve', 'load', 'peek', 'preview', 'explain', 'summarize', 'validate', 'verify',
  'compare', 'estimate', 'calculate', 'compute', 'resolve', 'echo', 'ping', 'print', 'render', 'convert', 'format',
  'parse', 'analyze', 'analyse', 'diff', 'download', 'export', 'watch', 'trace', 'test', 'lint', 'scan', 'sum',
]);

/** Verbs that change something: a tool named by one must not claim `readOnlyHint: true`. */
export const WRITE_VERBS = new Set([
  'create', 'update', 'delete', 'remove', 'set', 'write', 'send', 'post', 'put', 'patch', 'insert', 'upload', 'save',
  'edit', 'modify', 'drop', 'destroy', 'purge', 'erase', 'wipe', 'kill', 'terminate', 'cancel', 'revoke', 'reset',
  'overwrite', 'replace', 'move', 'rename', 'archive', 'publish', 'deploy', 'merge', 'push', 'commit', 'approve',
  'reject', 'assign', 'close', 'open', 'start', 'stop', 'run', 'execute', 'trigger', 'schedule', 'book', 'pay',
  'transfer', 'charge', 'refund', 'invite', 'share', 'grant', 'enable', 'disable', 'toggle', 'install', 'uninstall',
  'restart', 'apply', 'register', 'subscribe', 'unsubscribe', 'notify', 'mark', 'clear', 'import', 'sync', 'generate',
  'add', 'make', 'build', 'simulate', 'gzip', 'zip', 'compress', 'encode', 'decode', 'translate', 'sign', 'login', 'logout',
]);

/** Words that say nothing about what a tool does, alone or as the whole name. */
export const GENERIC_WORDS = new Set([
  'data', 'helper', 'helpers', 'tool', 'tools', 'util', 'utils', 'utility', 'misc', 'stuff', 'thing', 'things', 'do',
  'process', 'handle', 'handler', 'info', 'main', 'api', 'service', 'manager', 'action', 'function', 'func', 'run',
  'execute', 'call', 'request', 'query', 'task', 'general', 'generic', 'default', 'object', 'item', 'items', 'result',
]);

/** Whether a word reads as an action, for the "verb first" check. */
export function isVerb(word: string): boolean {
  return READ_VERBS.has(word) || WRITE_VERBS.has(word);
}
