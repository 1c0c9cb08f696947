import type { Catalogue } from '../catalogue.ts';

/**
 * Russian messages of the public status page: its pages, the words for statuses
 * and impacts (the console and the extension show them too), and the feeds.
 */
export const pageMessages = {
  'status.allOperational': 'Все системы работают',
  'status.minor': 'Незначительные перебои в работе сервиса',
  'status.major': 'Частичный сбой систем',
  'status.critical': 'Серьёзный сбой сервиса',
  'status.maintenance': 'Сервис на техническом обслуживании',

  'page.title': '{title} · {page}',
  'page.description': '{page}: текущий статус, инциденты и плановые работы.',
  'page.skipToContent': 'Перейти к основному содержанию',
  'page.navLabel': 'Страница статуса',
  'page.navStatus': 'Текущий статус',
  'page.navHistory': 'История',
  'page.footerLabel': 'Об этой странице',
  'page.language': 'Язык',
  'page.poweredBy': 'Работает на Snapdesk',
  'page.api': 'API статуса (JSON)',
  'page.lastUpdated': 'Обновлено: {time}',
  'page.activeIncidents': 'Текущие инциденты',
  'page.maintenance': 'Плановые работы',
  'page.components': 'Компоненты',
  'page.noComponents': 'Компоненты пока не опубликованы.',
  'page.viewHistory': 'История инцидентов',
  'page.affected': 'Затронуто: {components}',
  'page.notFoundTitle': 'Страница не найдена',
  'page.notFoundBody':
    'По этому адресу ничего нет. Возможно, страница переехала или в ссылке допущена опечатка.',
  'page.backToStatus': 'Перейти к текущему статусу',

  'component.status.operational': 'Работает',
  'component.status.degraded_performance': 'Снижение производительности',
  'component.status.partial_outage': 'Частичный сбой',
  'component.status.major_outage': 'Серьёзный сбой',
  'component.status.under_maintenance': 'На обслуживании',

  'incident.status.investigating': 'Расследование',
  'incident.status.identified': 'Причина установлена',
  'incident.status.monitoring': 'Наблюдение',
  'incident.status.resolved': 'Устранено',
  'incident.status.postmortem': 'Разбор инцидента',

  'maintenance.status.scheduled': 'Запланировано',
  'maintenance.status.in_progress': 'Выполняется',
  'maintenance.status.verifying': 'Проверка',
  'maintenance.status.completed': 'Завершено',
  'maintenance.window': 'Запланировано: {window}',

  'impact.none': 'Без последствий',
  'impact.minor': 'Незначительное влияние',
  'impact.major': 'Серьёзное влияние',
  'impact.critical': 'Критическое влияние',
  'impact.maintenance': 'Техническое обслуживание',

  'incident.fieldStatus': 'Статус',
  'incident.fieldImpact': 'Влияние',
  'incident.fieldStarted': 'Начало',
  'incident.fieldResolved': 'Устранено',
  'incident.fieldScheduled': 'Запланировано',
  'incident.fieldCompleted': 'Завершено',
  'incident.fieldComponents': 'Затронутые компоненты',
  'incident.updates': 'Обновления',
  'incident.noUpdates': 'Обновлений пока нет.',
  'incident.startedAt': 'Начало: {time}',
  'incident.resolvedAt': 'Устранено: {time}',
  'incident.resolvedMessage': 'Инцидент устранён.',

  'history.title': 'История инцидентов',
  'history.empty': 'Инцидентов не было',
  'history.pagination': 'Страницы истории инцидентов',
  'history.newer': 'Более новые инциденты',
  'history.older': 'Более ранние инциденты',

  'uptime.percent': 'Доступность {percent} %',
  'uptime.noData': 'Нет данных',
  'uptime.noDowntime': 'Без простоев',
  'uptime.majorMinutes': 'Серьёзный сбой: {minutes} мин',
  'uptime.partialMinutes': 'Частичный сбой: {minutes} мин',
  'uptime.day': '{date}: {summary}',
  'uptime.barLabel':
    '{name} за {days, plural, one {последний # день} few {последние # дня} many {последние # дней} other {последние # дня}}: {uptime}',
  'uptime.daysAgo': '{days, plural, one {# день} few {# дня} many {# дней} other {# дня}} назад',
  'uptime.today': 'Сегодня',
  'uptime.daysWithIssues': 'Дни с проблемами: {count}',
  'uptime.legend': 'Что означают цвета на шкале',

  'page.navSubscribe': 'Подписаться на обновления',
  'page.feeds': 'Лента инцидентов (RSS, Atom)',

  'subscribe.title': 'Подписка на обновления',
  'subscribe.intro':
    'Узнавайте сразу, когда {page} сообщает о новом инциденте или плановых работах или обновляет информацию о них.',
  'subscribe.emailHeading': 'По электронной почте',
  'subscribe.email': 'Адрес электронной почты',
  'subscribe.emailHint':
    'Вы получите одно письмо со ссылкой для подтверждения; пока вы не перейдёте по ней, больше ничего не придёт.',
  'subscribe.scope': 'Какие компоненты?',
  'subscribe.scopeAll': 'Все, включая добавленные позже',
  'subscribe.scopeSome': 'Только отмеченные ниже',
  'subscribe.wholeGroup': 'Вся группа {group}, включая компоненты, добавленные в неё позже',
  'subscribe.maintenance': 'Сообщать также о плановых работах',
  'subscribe.submit': 'Подписаться',
  'subscribe.webhookHeading': 'Через вебхук',
  'subscribe.webhookIntro':
    'Каждое уведомление отправляется в формате JSON вебхуков страницы статуса и подписывается по спецификации Standard Webhooks (заголовки webhook-id, webhook-timestamp и webhook-signature); проверяйте подпись любой библиотекой Standard Webhooks с секретом, который показывается один раз при добавлении URL. Добавленный здесь URL начинает получать уведомления после того, как ответит на подписанный запрос подтверждения своим кодом проверки (challenge).',
  'subscribe.webhookUrl': 'URL вебхука',
  'subscribe.format': 'Формат',
  'subscribe.formatStandard': 'JSON (формат вебхуков страницы статуса)',
  'subscribe.formatSlack': 'Входящий вебхук Slack или Mattermost',
  'subscribe.webhookSubmit': 'Добавить вебхук',
  'subscribe.feedsHeading': 'Через RSS-ридер',
  'subscribe.feedsIntro': 'Все инциденты и плановые работы со всеми обновлениями:',
  'subscribe.problem': 'Пожалуйста, исправьте: {problem}',
  'subscribe.checkInboxTitle': 'Проверьте почту',
  'subscribe.checkInbox':
    'На адрес {email} отправлено письмо со ссылкой для подтверждения. Пока вы не перейдёте по ней, больше ничего туда не придёт.',
  'subscribe.webhookAddedTitle': 'Вебхук добавлен',
  'subscribe.webhookAdded': 'Уведомления будут отправляться на {url}.',
  'subscribe.webhookPending':
    'На {url} отправлен подписанный запрос подтверждения (subscription.verify). Уведомления начнут приходить, когда получатель ответит на него своим кодом проверки (challenge) или кто-нибудь перейдёт по ссылке подтверждения из запроса — до {time}.',
  'subscribe.slackPending':
    'На {url} отправлено сообщение со ссылкой для подтверждения. Уведомления начнут приходить, когда кто-нибудь из получателей перейдёт по ссылке — до {time}.',
  'subscribe.secret': 'Секрет для подписи (показывается только один раз):',
  'subscribe.manageLink': 'Изменить или удалить эту подписку можно в любой момент здесь:',

  'confirm.title': 'Подтвердите подписку',
  'confirm.body': 'Отправлять обновления статуса {page} на {address}?',
  'confirm.submit': 'Подтвердить подписку',
  'confirm.doneTitle': 'Подписка подтверждена',
  'confirm.done': 'Теперь обновления {page} будут приходить на {address}.',

  'manage.title': 'Управление подпиской',
  'manage.for': 'Обновления отправляются на {address}.',
  'manage.save': 'Сохранить изменения',
  'manage.saved': 'Изменения сохранены.',
  'manage.leave': 'Отказаться от всех обновлений и удалить этот адрес.',
  'manage.language': 'Язык писем и сообщений',

  'unsubscribe.title': 'Отписка',
  'unsubscribe.ask': 'Больше не отправлять обновления статуса на {address}?',
  'unsubscribe.submit': 'Отписаться',
  'unsubscribe.doneTitle': 'Вы отписались',
  'unsubscribe.done': 'Обновления больше не будут приходить. Подписаться снова можно в любой момент.',
  'unsubscribe.again': 'Подписаться снова',

  'error.title': 'Не получилось',

  'feed.title': '{page}: история инцидентов',
  'feed.componentTitle': '{page}: история инцидентов компонента {component}',
  'feed.description': 'Инциденты и плановые работы, опубликованные на {page}, со всеми обновлениями.',

  // The page a reporter's mail opens to stop the mails about one report.
  'requestMail.stopTitle': 'Письма об обращении {reference}',
  'requestMail.stopAsk':
    'Больше не присылать письма о вашем обращении {reference} «{title}»? Другие ваши обращения это не затронет.',
  'requestMail.stopSubmit': 'Не присылать письма',
  'requestMail.stoppedTitle': 'Писем об обращении {reference} больше не будет',
  'requestMail.stopped':
    'Вы больше не будете получать письма об этом обращении. Расширение по-прежнему показывает, как оно продвигается.',
} satisfies Catalogue['page'];
