import { APP_COMMANDS, CHAT_COMMANDS, CONNECTOR_COMMANDS, CONTEXT_COMMANDS, FILE_COMMANDS, SERVER_REQUEST_COMMANDS, WORKBENCH_CALL_COMMANDS } from './defer-handlers';
import { EVAL_COMMANDS } from './eval-services';
import { ICON_COMMANDS } from './icon-command-handlers';
import { REPORT_CARD_COMMANDS } from './report-card-handlers';
import { TOOL_SWITCH_COMMANDS } from './tool-switch-command-handlers';
import { TURN_COMMANDS } from './turn-command-handlers';

/**
 * Every command whose handler exists only once the database is open, one family a line: the
 * router answers them through `deferHandlers`. A new family of commands adds its line here.
 */
export const DATABASE_COMMANDS = [
  ...CONNECTOR_COMMANDS,
  ...CHAT_COMMANDS,
  ...TURN_COMMANDS,
  ...FILE_COMMANDS,
  ...SERVER_REQUEST_COMMANDS,
  ...CONTEXT_COMMANDS,
  ...ICON_COMMANDS,
  ...APP_COMMANDS,
  ...REPORT_CARD_COMMANDS,
  ...EVAL_COMMANDS,
  ...WORKBENCH_CALL_COMMANDS,
  ...TOOL_SWITCH_COMMANDS,
] as const;

/** The name of a command that waits for the database. */
export type DatabaseCommand = (typeof DATABASE_COMMANDS)[number];
