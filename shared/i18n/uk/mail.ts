import type { Catalogue } from '../catalogue.ts';

/**
 * Ukrainian messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included; and the labels of the reports forwarded
 * to the help desk.
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

  'helpdesk.report': 'Звернення',
  'helpdesk.reference': 'Номер',
  'helpdesk.type': 'Тип',
  'helpdesk.priority': 'Пріоритет',
  'helpdesk.priorityImmediate': '{level} (клієнти не можуть замовити чи оплатити)',
  'helpdesk.account': 'Обліковий запис',
  'helpdesk.shareWith': 'Доступ надано',
  'helpdesk.country': 'Країна',
  'helpdesk.contactEmail': 'Контактна електронна адреса',
  'helpdesk.received': 'Отримано',
  'helpdesk.page': 'Сторінка',
  'helpdesk.url': 'Адреса сторінки',
  'helpdesk.pageTitle': 'Заголовок сторінки',
  'helpdesk.captured': 'Час знімка',
  'helpdesk.environment': 'Середовище',
  'helpdesk.browser': 'Браузер',
  'helpdesk.os': 'Операційна система',
  'helpdesk.viewport': 'Область перегляду',
  'helpdesk.screen': 'Екран',
  'helpdesk.pixelRatio': 'Співвідношення пікселів пристрою',
  'helpdesk.language': 'Мова',
  'helpdesk.timeZone': 'Часовий пояс',
  'helpdesk.extensionVersion': 'Версія розширення',
  'helpdesk.linkedIncident': 'Пов’язаний інцидент',
  'helpdesk.incident': 'Інцидент',
  'helpdesk.incidentStatus': 'Статус',
  'helpdesk.incidentLink': 'Посилання',
  'helpdesk.description': 'Опис',
  'helpdesk.steps': 'Кроки для відтворення',
  'helpdesk.expected': 'Очікуваний результат',
  'helpdesk.actual': 'Фактичний результат',
  'helpdesk.before': 'Раніше (коли це востаннє працювало)',
  'helpdesk.impact': 'Вплив',
  'helpdesk.people': 'Зачеплено людей',
  'helpdesk.orders': 'Зачеплено замовлень',
  'helpdesk.branches': 'Зачеплено філій',
  'helpdesk.blocking': 'Що блокує',
  'helpdesk.inTheirWords': 'Зі слів автора',
  'helpdesk.examplesWorking': 'Приклади, де все працює',
  'helpdesk.examplesFailing': 'Приклади, де виникає проблема',
  'helpdesk.tried': 'Що вже спробували',
  'helpdesk.console': 'Помилки в консолі й невдалі запити',
  'helpdesk.attachments': 'Вкладення',
  'helpdesk.captureMethod': 'знімок: {method}',
  'helpdesk.truncated': 'обрізано через обмеження знімка',

  // A reporter's mail about their report's progress at the help desk, when they asked for them on the form.
  'requestMail.subject': '[{reference}] {title}',
  'requestMail.stateChanged': 'Ваше звернення {reference} «{title}» тепер має статус: {state}.',
  'requestMail.comment': 'Служба підтримки написала щодо вашого звернення {reference} «{title}»:',
  'requestMail.commentWith': 'Служба підтримки написала:',
  'requestMail.why':
    'Ви отримали цей лист, бо попросили повідомляти електронною поштою, як просувається це звернення.',
  'requestMail.unsubscribe': 'Не надсилати листи про це звернення',
} satisfies Catalogue['mail'];
