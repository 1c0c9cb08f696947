import type { Catalogue } from '../catalogue.ts';

/**
 * Russian messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included; and the labels of the reports forwarded
 * to the help desk.
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
  'mail.reminderAction': 'Изменить подписку или отписаться',
  'mail.reminderIgnore':
    'Если вы не запрашивали это напоминание, просто проигнорируйте его: ничего не изменилось.',

  'helpdesk.report': 'Обращение',
  'helpdesk.reference': 'Номер',
  'helpdesk.type': 'Тип',
  'helpdesk.priority': 'Приоритет',
  'helpdesk.priorityImmediate': '{level} (клиенты не могут оформить или оплатить заказ)',
  'helpdesk.account': 'Аккаунт',
  'helpdesk.shareWith': 'Доступно для',
  'helpdesk.country': 'Страна',
  'helpdesk.contactEmail': 'Электронная почта для связи',
  'helpdesk.received': 'Получено',
  'helpdesk.page': 'Страница',
  'helpdesk.url': 'Адрес страницы',
  'helpdesk.pageTitle': 'Заголовок страницы',
  'helpdesk.captured': 'Время снимка',
  'helpdesk.environment': 'Окружение',
  'helpdesk.browser': 'Браузер',
  'helpdesk.os': 'Операционная система',
  'helpdesk.viewport': 'Область просмотра',
  'helpdesk.screen': 'Экран',
  'helpdesk.pixelRatio': 'Соотношение пикселей устройства',
  'helpdesk.language': 'Язык',
  'helpdesk.timeZone': 'Часовой пояс',
  'helpdesk.extensionVersion': 'Версия расширения',
  'helpdesk.linkedIncident': 'Связанный инцидент',
  'helpdesk.incident': 'Инцидент',
  'helpdesk.incidentStatus': 'Статус',
  'helpdesk.incidentLink': 'Ссылка',
  'helpdesk.description': 'Описание',
  'helpdesk.steps': 'Шаги для воспроизведения',
  'helpdesk.expected': 'Ожидалось',
  'helpdesk.actual': 'На самом деле',
  'helpdesk.before': 'Раньше (когда это последний раз работало)',
  'helpdesk.impact': 'Влияние',
  'helpdesk.people': 'Затронуто людей',
  'helpdesk.orders': 'Затронуто заказов',
  'helpdesk.branches': 'Затронуто филиалов',
  'helpdesk.blocking': 'Чему мешает',
  'helpdesk.inTheirWords': 'Со слов автора',
  'helpdesk.examplesWorking': 'Примеры, где всё работает',
  'helpdesk.examplesFailing': 'Примеры, где возникает проблема',
  'helpdesk.tried': 'Что уже пробовали',
  'helpdesk.console': 'Ошибки в консоли и неудачные запросы',
  'helpdesk.attachments': 'Вложения',
  'helpdesk.captureMethod': 'снимок: {method}',
  'helpdesk.truncated': 'обрезано по ограничению снимка',

  // A reporter's mail about their report's progress at the help desk, when they asked for them on the form.
  'requestMail.subject': '[{reference}] {title}',
  'requestMail.stateChanged': 'Ваше обращение {reference} «{title}» теперь в статусе: {state}.',
  'requestMail.comment': 'Служба поддержки написала по вашему обращению {reference} «{title}»:',
  'requestMail.commentWith': 'Служба поддержки написала:',
  'requestMail.why':
    'Вы получили это письмо, потому что попросили сообщать по электронной почте, как продвигается это обращение.',
  'requestMail.unsubscribe': 'Не присылать письма об этом обращении',
} satisfies Catalogue['mail'];
