import { email } from './email/index.ts';
import { redmine } from './redmine/index.ts';
import { webhook } from './webhook/index.ts';

/**
 * The help-desk connectors, in the order their variables are checked and their jobs are queued. A
 * new connector is a folder beside these (config, sender, payload, `index.ts`) and one line here.
 */
export const connectors = [email, redmine, webhook] as const;
