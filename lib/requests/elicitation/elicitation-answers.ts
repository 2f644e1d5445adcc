import { ElicitationAnswerSchema, contentProblems, elicitationFormOf } from '../../contract/elicitation-form';
import type { ServerRequestRow } from '../../contract/server-request';
import type { ServerRequestSettlement } from '../../contract/server-request-reply';
import type { ServerRequestKindHandler, ServerRequestStep } from '../server-request-kind';
import { ServerRequestError } from '../server-request-error';
import { isOpenableUrl } from './elicitation-arrival';

const settle = (settlement: ServerRequestSettlement): ServerRequestStep => ({ type: 'settle', settlement });
const DECLINED = settle({ outcome: 'declined', reply: { type: 'result', result: { action: 'decline' } } });
const CANCELLED = settle({ outcome: 'cancelled', reply: { type: 'result', result: { action: 'cancel' } } });

function parseAnswer(answer: Record<string, unknown>) {
  const parsed = ElicitationAnswerSchema.safeParse(answer);
  if (!parsed.success) throw new ServerRequestError('invalid-answer', 'An answer is accept (with the form), decline or cancel.');
  return parsed.data;
}

/**
 * A form's answer: **Accept** is checked again here, on the stored request's schema (the panel
 * checked it too, but the background decides what is sent); **Decline** and **Cancel** send no content.
 */
export const elicitationFormAnswers: ServerRequestKindHandler = {
  async answer(row: ServerRequestRow, answer) {
    const parsed = parseAnswer(answer);
    switch (parsed.action) {
      case 'decline':
        return DECLINED;
      case 'cancel':
        return CANCELLED;
      case 'accept': {
        const form = elicitationFormOf(row.params.requestedSchema);
        if (!form.ok) throw new ServerRequestError('invalid-answer', 'This form cannot be accepted.');
        const content = parsed.content ?? {};
        const problems = Object.values(contentProblems(form.fields, content));
        if (problems.length > 0) throw new ServerRequestError('invalid-answer', problems.join(' '));
        return settle({ outcome: 'accepted', reply: { type: 'result', result: { action: 'accept', content } } });
      }
    }
  },
};

/**
 * A URL's answer: **Open** (accept) opens the stored URL in a new tab, then tells the server the
 * person consented; the URL comes from the stored request, never from the panel's message.
 */
export function elicitationUrlAnswers(openTab: (url: string) => Promise<void>): ServerRequestKindHandler {
  return {
    async answer(row, answer) {
      const parsed = parseAnswer(answer);
      switch (parsed.action) {
        case 'decline':
          return DECLINED;
        case 'cancel':
          return CANCELLED;
        case 'accept': {
          const url = row.params.url;
          if (typeof url !== 'string' || !isOpenableUrl(url)) throw new ServerRequestError('invalid-answer', 'This link cannot be opened.');
          await openTab(url);
          return settle({ outcome: 'accepted', reply: { type: 'result', result: { action: 'accept' } } });
        }
      }
    },
  };
}
