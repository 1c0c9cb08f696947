import { connector } from '../plugin.ts';
import { emailEnv } from './config.ts';
import { emailEvents } from './events.ts';
import { emailConnector } from './send.ts';

/** Reports as e-mail to the help desk's intake address, through the server's mail transport. */
export const email = connector({
  name: 'email',
  env: emailEnv,
  together: [{ needed: ['SNAPDESK_SMTP_URL'], when: ['SNAPDESK_FORWARD_EMAIL_TO'] }],
  settings: (e) => e.SNAPDESK_FORWARD_EMAIL_TO && { to: e.SNAPDESK_FORWARD_EMAIL_TO },
  sender: (cfg, deps) => emailConnector(deps.mailer, cfg.to, deps.publicUrl, deps.helpdeskLocale),
  requestEvents: (cfg, deps) => emailEvents(deps.mailer, cfg.to, deps.publicUrl, deps.helpdeskLocale),
});
