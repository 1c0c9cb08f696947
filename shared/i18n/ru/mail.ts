import type { Catalogue } from '../catalogue.ts';

/**
 * Russian messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included.
 */
export const mailMessages = {
  'notice.subject': '[{status}] {name} — {page}',
  'notice.componentChange': '{component}: статус изменился на «{status}» (был «{old}»).',
  'notice.affected': 'Затронутые компоненты: {components}',
  'notice.view': 'Открыть на странице статуса',
  'notice.why': 'Вы получили это письмо, потому что подписались на обновления {page}.',
  'notice.manage': 'Управление подпиской',
  'notice.unsubscribe': 'Отписаться',

  'mail.confirmSubject': 'Подтвердите подписку на {page}',
  'mail.confirmIntro':
    'Кто-то (надеемся, что вы) попросил присылать обновления статуса {page} на этот адрес.',
  'mail.confirmAction': 'Подтвердить подписку',
  'mail.confirmIgnore':
    'Если это были не вы, просто проигнорируйте письмо: пока никто не перейдёт по ссылке, больше ничего не придёт. Ссылка действует 48 часов.',
  'mail.reminderSubject': 'Ваша подписка на {page}',
  'mail.reminderIntro': 'Этот адрес уже получает обновления статуса {page}.',
  'mail.reminderAction': 'Изменить рассылку или отписаться',
  'mail.reminderIgnore':
    'Если вы не запрашивали это напоминание, просто проигнорируйте его: ничего не изменилось.',
} satisfies Catalogue['mail'];
