import { connector } from '../plugin.ts';
import { redmineEnv, redmineSettings } from './config.ts';
import { redmineRequestEvents } from './events.ts';
import { redmineConnector } from './send.ts';

const variables = [
  'SNAPDESK_REDMINE_URL',
  'SNAPDESK_REDMINE_API_KEY',
  'SNAPDESK_REDMINE_PROJECT',
] as const satisfies (keyof typeof redmineEnv.shape)[];

/**
 * Reports as Redmine issues, their images uploaded first; the customer's moves as notes on them. The
 * issues' changes come back through the poller (poll.ts), started by the server.
 */
export const redmine = connector({
  name: 'redmine',
  env: redmineEnv,
  together: [
    {
      needed: [...variables],
      when: [
        ...variables,
        'SNAPDESK_REDMINE_TRACKER_ID',
        'SNAPDESK_REDMINE_PRIORITY_IDS',
        'SNAPDESK_REDMINE_STATUS_MAP',
        'SNAPDESK_REDMINE_POLL_SECONDS',
      ],
    },
  ],
  settings: redmineSettings,
  sender: (cfg, deps) => redmineConnector(cfg, deps.helpdeskLocale),
  requestEvents: (cfg, deps) => redmineRequestEvents(cfg, deps.helpdeskLocale),
});
