import { connector } from '../plugin.ts';
import { redmineEnv, redmineSettings } from './config.ts';
import { redmineConnector } from './send.ts';

const variables = [
  'SNAPDESK_REDMINE_URL',
  'SNAPDESK_REDMINE_API_KEY',
  'SNAPDESK_REDMINE_PROJECT',
] as const satisfies (keyof typeof redmineEnv.shape)[];

/** Reports as Redmine issues, their images uploaded first. */
export const redmine = connector({
  name: 'redmine',
  env: redmineEnv,
  together: [
    {
      needed: [...variables],
      when: [...variables, 'SNAPDESK_REDMINE_TRACKER_ID', 'SNAPDESK_REDMINE_PRIORITY_IDS'],
    },
  ],
  settings: redmineSettings,
  sender: (cfg, deps) => redmineConnector(cfg, deps.helpdeskLocale),
});
