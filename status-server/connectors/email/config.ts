import { z } from 'zod';
import { unset } from '../plugin.ts';

export const emailEnv = z.object({
  SNAPDESK_FORWARD_EMAIL_TO: unset(
    z
      .string()
      .transform((v) => v.split(',').map((a) => a.trim()))
      .pipe(z.array(z.email('must be e-mail addresses separated by commas')).min(1)),
  ),
});

export interface EmailConfig {
  to: string[];
}
