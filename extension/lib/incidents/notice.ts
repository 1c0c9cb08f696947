import { fill } from '../../../shared/i18n/message.ts';
import { catalogues, type UiKey } from '../catalogue.ts';
import type { UiLocale } from '../locale.ts';
import type { Change } from './watch.ts';

/** Notifications show a few lines; support's update is cut to this many characters. */
const MAX_UPDATE_CHARS = 240;

/** The notification's words for a change, in the person's language. */
export function noticeOf(change: Change, locale: UiLocale): { title: string; message: string } {
  const t = (key: UiKey, params?: Record<string, string>) => fill(catalogues[locale][key], params, locale);
  const where = new Intl.ListFormat(locale, { type: 'conjunction' }).format(change.where);
  const title = t(`incidents.notice.${change.kind}`, { name: change.name });
  if (change.kind === 'resolved' || !change.incident)
    return { title, message: t('incidents.notice.resolvedBody', { where }) };
  const status = t(`incident.status.${change.incident.status}`);
  const latest = change.incident.latest.trim();
  const cut = latest.length > MAX_UPDATE_CHARS ? `${latest.slice(0, MAX_UPDATE_CHARS - 1)}…` : latest;
  const lead = t('incidents.notice.body', { status, where });
  return { title, message: cut ? `${lead}\n${cut}` : lead };
}
