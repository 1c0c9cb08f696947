import { createTranslator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { OutgoingMail } from '../platform/mail.ts';
import { html } from '../views/markup.ts';
import type { SubscriptionMail } from './store.ts';

/**
 * A subscription's own mail: the double opt-in link, or, for an address already subscribed, a
 * reminder with its manage link; in the subscriber's language, subject included. Neither is a
 * notice, so neither carries List-Unsubscribe.
 */
export function subscriptionMail(
  kind: SubscriptionMail,
  o: { to: string; link: string; messageId: string; config: Config; locale: string },
): OutgoingMail {
  const { config } = o;
  const t = createTranslator(o.locale);
  const page = config.pageName;
  const subject = t(kind === 'confirm' ? 'mail.confirmSubject' : 'mail.reminderSubject', { page });
  const intro = t(kind === 'confirm' ? 'mail.confirmIntro' : 'mail.reminderIntro', { page });
  const action = t(kind === 'confirm' ? 'mail.confirmAction' : 'mail.reminderAction');
  const after = kind === 'confirm' ? t('mail.confirmIgnore') : t('mail.reminderIgnore');
  return {
    to: o.to,
    subject,
    messageId: o.messageId,
    headers: { 'Auto-Submitted': 'auto-generated' },
    text: [intro, '', `${action}: ${o.link}`, '', after].join('\n'),
    html: html`<!doctype html>
<html lang="${o.locale}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
<p>${intro}</p>
<p><a href="${o.link}" style="display:inline-block;padding:8px 16px;background:#0969da;color:#fff;border-radius:6px;text-decoration:none">${action}</a></p>
<p style="color:#59636e;font-size:13px">${after}</p>
</body></html>`.toString(),
  };
}
