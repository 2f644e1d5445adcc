import { z } from 'zod';
import { ReportCardSchema } from '../contract/report-finding';

/**
 * The connector author's workbench. The report card is computed in the background: its checks
 * validate JSON Schema with `@cfworker/json-schema` and read every stored connector, neither of
 * which belongs in the panel.
 */
export const workbenchCommandProtocol = {
  /** Every tool of the connector's last stored list checked; refused for a connector that does not exist. */
  'workbench.reportCard': { request: z.object({ connectorId: z.string().min(1) }), response: ReportCardSchema },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
