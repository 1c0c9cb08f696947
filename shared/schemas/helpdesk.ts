import { z } from 'zod';
import { requestState, requestText } from './report.ts';

const reference = z.string().regex(/^SD-\d{1,12}$/, 'must be a reference such as SD-1042');

/**
 * `POST /api/helpdesk/events`: the help desk tells us of a ticket's change, in the Standard Webhooks
 * envelope (`type`, `data`; other fields such as `timestamp` are ignored). A state change may carry a
 * comment for the customer; a comment is never an internal note.
 */
export const helpdeskCallback = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('request.state_changed'),
    data: z.object({ reference, state: requestState, comment: requestText.optional() }),
  }),
  z.object({
    type: z.literal('request.commented'),
    data: z.object({ reference, comment: requestText }),
  }),
]);

export type HelpdeskCallback = z.infer<typeof helpdeskCallback>;
