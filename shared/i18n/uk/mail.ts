import type { Catalogue } from '../catalogue.ts';

/**
 * Ukrainian messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included.
 */
export const mailMessages = {
  'notice.subject': '[{status}] {name} — {page}',
  'notice.componentChange': '{component}: тепер «{status}» (було «{old}»).',
  'notice.affected': 'Зачеплені компоненти: {components}',
  'notice.view': 'Переглянути на сторінці стану',
  'notice.why': 'Ви отримуєте це повідомлення, бо підписалися на оновлення від {page}.',
  'notice.manage': 'Керувати підпискою',
  'notice.unsubscribe': 'Відписатися',

  'mail.confirmSubject': 'Підтвердьте підписку на {page}',
  'mail.confirmIntro':
    'Хтось (сподіваємося, що ви) попросив надсилати на цю адресу оновлення стану від {page}.',
  'mail.confirmAction': 'Підтвердити підписку',
  'mail.confirmIgnore':
    'Якщо це були не ви, просто проігноруйте цей лист: доки ніхто не перейде за посиланням, більше нічого не надсилатиметься. Посилання дійсне 48 годин.',
  'mail.reminderSubject': 'Ваша підписка на {page}',
  'mail.reminderIntro': 'Ця адреса вже отримує оновлення стану від {page}.',
  'mail.reminderAction': 'Змінити, що ви отримуєте, або відписатися',
  'mail.reminderIgnore': 'Якщо ви не просили про це нагадування, проігноруйте його: нічого не змінилося.',
} satisfies Catalogue['mail'];
