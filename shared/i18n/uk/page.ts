import type { Catalogue } from '../catalogue.ts';

/**
 * Ukrainian messages of the public status page: its pages, the words for statuses
 * and impacts (the console and the extension show them too), and the feeds.
 */
export const pageMessages = {
  'status.allOperational': 'Усі системи працюють',
  'status.minor': 'Незначні перебої в роботі сервісу',
  'status.major': 'Частковий збій системи',
  'status.critical': 'Серйозний збій сервісу',
  'status.maintenance': 'Сервіс на технічному обслуговуванні',

  'page.title': '{title} · {page}',
  'page.description': '{page}: поточний стан, інциденти та заплановане технічне обслуговування.',
  'page.skipToContent': 'Перейти до основного вмісту',
  'page.navLabel': 'Сторінка стану',
  'page.navStatus': 'Поточний стан',
  'page.navHistory': 'Історія',
  'page.footerLabel': 'Про цю сторінку',
  'page.language': 'Мова',
  'page.poweredBy': 'Працює на Snapdesk',
  'page.api': 'API стану (JSON)',
  'page.lastUpdated': 'Останнє оновлення: {time}',
  'page.activeIncidents': 'Активні інциденти',
  'page.maintenance': 'Заплановане технічне обслуговування',
  'page.components': 'Компоненти',
  'page.noComponents': 'Компоненти ще не опубліковано.',
  'page.viewHistory': 'Переглянути історію інцидентів',
  'page.affected': 'Зачеплено: {components}',
  'page.notFoundTitle': 'Сторінку не знайдено',
  'page.notFoundBody':
    'За цією адресою немає сторінки. Можливо, її перенесено або посилання містить помилку.',
  'page.backToStatus': 'Перейти до поточного стану',

  'component.status.operational': 'Працює',
  'component.status.degraded_performance': 'Знижена продуктивність',
  'component.status.partial_outage': 'Частковий збій',
  'component.status.major_outage': 'Серйозний збій',
  'component.status.under_maintenance': 'Технічне обслуговування',

  'incident.status.investigating': 'Розслідування',
  'incident.status.identified': 'Причину встановлено',
  'incident.status.monitoring': 'Моніторинг',
  'incident.status.resolved': 'Вирішено',
  'incident.status.postmortem': 'Розбір інциденту',

  'maintenance.status.scheduled': 'Заплановано',
  'maintenance.status.in_progress': 'Триває',
  'maintenance.status.verifying': 'Перевірка',
  'maintenance.status.completed': 'Завершено',
  'maintenance.window': 'Заплановано: {window}',

  'impact.none': 'Без впливу',
  'impact.minor': 'Незначний вплив',
  'impact.major': 'Значний вплив',
  'impact.critical': 'Критичний вплив',
  'impact.maintenance': 'Технічне обслуговування',

  'incident.fieldStatus': 'Статус',
  'incident.fieldImpact': 'Вплив',
  'incident.fieldStarted': 'Початок',
  'incident.fieldResolved': 'Вирішено',
  'incident.fieldScheduled': 'Заплановано',
  'incident.fieldCompleted': 'Завершено',
  'incident.fieldComponents': 'Зачеплені компоненти',
  'incident.updates': 'Оновлення',
  'incident.noUpdates': 'Оновлень ще не опубліковано.',
  'incident.startedAt': 'Початок: {time}',
  'incident.resolvedAt': 'Вирішено: {time}',
  'incident.resolvedMessage': 'Цей інцидент вирішено.',

  'history.title': 'Історія інцидентів',
  'history.empty': 'Інцидентів не зафіксовано',
  'history.pagination': 'Сторінки історії інцидентів',
  'history.newer': 'Новіші інциденти',
  'history.older': 'Старіші інциденти',

  'uptime.percent': '{percent} % доступності',
  'uptime.noData': 'Немає даних',
  'uptime.noDowntime': 'Без простоїв',
  'uptime.majorMinutes': '{minutes} хв серйозного збою',
  'uptime.partialMinutes': '{minutes} хв часткового збою',
  'uptime.day': '{date}: {summary}',
  'uptime.barLabel':
    '{name}, {days, plural, one {останній # день} few {останні # дні} many {останні # днів} other {останні # дня}}: {uptime}',
  'uptime.daysAgo':
    '{days, plural, one {# день тому} few {# дні тому} many {# днів тому} other {# дня тому}}',
  'uptime.today': 'Сьогодні',
  'uptime.daysWithIssues': 'Днів із проблемами: {count}',
  'uptime.legend': 'Що означають кольори смуги',

  'page.navSubscribe': 'Підписатися на оновлення',
  'page.feeds': 'Стрічка інцидентів (RSS, Atom)',

  'subscribe.title': 'Підписка на оновлення',
  'subscribe.intro':
    'Отримуйте сповіщення від {page}, щойно публікується або оновлюється інцидент чи заплановане технічне обслуговування.',
  'subscribe.emailHeading': 'Електронною поштою',
  'subscribe.email': 'Адреса електронної пошти',
  'subscribe.emailHint':
    'Ви отримаєте один лист із посиланням для підтвердження; доки ви не перейдете за ним, більше нічого не надсилатиметься.',
  'subscribe.scope': 'Які компоненти?',
  'subscribe.scopeAll': 'Усі, зокрема ті, що буде додано пізніше',
  'subscribe.scopeSome': 'Лише ті, які я позначу нижче',
  'subscribe.wholeGroup': 'Уся група «{group}», зокрема компоненти, які буде додано до неї пізніше',
  'subscribe.maintenance': 'Також повідомляти мене про заплановане технічне обслуговування',
  'subscribe.submit': 'Підписатися',
  'subscribe.webhookHeading': 'Через вебхук',
  'subscribe.webhookIntro':
    'Кожне сповіщення надсилається як JSON у форматі вебхуків сторінки стану й підписується згідно зі Standard Webhooks (заголовки webhook-id, webhook-timestamp і webhook-signature); перевіряйте підпис будь-якою бібліотекою Standard Webhooks за допомогою секрету, який буде показано один раз, коли ви додасте URL. URL, доданий тут, почне отримувати сповіщення, щойно відповість на підписаний запит перевірки, повернувши його значення challenge.',
  'subscribe.webhookUrl': 'URL вебхука',
  'subscribe.format': 'Формат',
  'subscribe.formatStandard': 'JSON (формат вебхуків сторінки стану)',
  'subscribe.formatSlack': 'Вхідний вебхук Slack або Mattermost',
  'subscribe.webhookSubmit': 'Додати вебхук',
  'subscribe.feedsHeading': 'Через читач стрічок',
  'subscribe.feedsIntro': 'Усі інциденти й роботи з технічного обслуговування разом з оновленнями:',
  'subscribe.problem': 'Виправте, будь ласка: {problem}',
  'subscribe.checkInboxTitle': 'Перевірте пошту',
  'subscribe.checkInbox':
    'На адресу {email} надіслано лист із посиланням для підтвердження. Доки за ним не перейдуть, більше нічого на цю адресу не надсилатиметься.',
  'subscribe.webhookAddedTitle': 'Вебхук додано',
  'subscribe.webhookAdded': 'Сповіщення надсилатимуться на {url}.',
  'subscribe.webhookPending':
    'На {url} надіслано підписаний запит перевірки (subscription.verify). Сповіщення почнуть надходити, якщо до {time} одержувач відповість на нього, повернувши значення challenge, або хтось перейде за посиланням для підтвердження, що міститься в запиті.',
  'subscribe.slackPending':
    'На {url} надіслано повідомлення з посиланням для підтвердження. Сповіщення почнуть надходити, якщо до {time} хтось із отримувачів перейде за цим посиланням.',
  'subscribe.secret': 'Секрет для підпису (показується лише цей один раз):',
  'subscribe.manageLink': 'Змінити або видалити цю підписку можна будь-коли тут:',

  'confirm.title': 'Підтвердьте підписку',
  'confirm.body': 'Надсилати оновлення стану від {page} на {address}?',
  'confirm.submit': 'Підтвердити підписку',
  'confirm.doneTitle': 'Підписку підтверджено',
  'confirm.done': 'Відтепер оновлення від {page} надсилатимуться на {address}.',

  'manage.title': 'Керування підпискою',
  'manage.for': 'Оновлення надсилаються на {address}.',
  'manage.save': 'Зберегти зміни',
  'manage.saved': 'Зміни збережено.',
  'manage.leave': 'Припинити всі оновлення й забути цю адресу.',
  'manage.language': 'Мова листів і повідомлень',

  'unsubscribe.title': 'Скасування підписки',
  'unsubscribe.ask': 'Припинити надсилати оновлення стану на {address}?',
  'unsubscribe.submit': 'Відписатися',
  'unsubscribe.doneTitle': 'Ви відписалися',
  'unsubscribe.done': 'Оновлення більше не надсилатимуться. Ви можете знову підписатися будь-коли.',
  'unsubscribe.again': 'Підписатися знову',

  'error.title': 'Не вдалося',

  'feed.title': '{page}: історія інцидентів',
  'feed.componentTitle': '{page}: історія інцидентів — {component}',
  'feed.description':
    'Інциденти й заплановане технічне обслуговування, опубліковані на {page}, з усіма оновленнями.',

  // The page a reporter's mail opens to stop the mails about one report.
  'requestMail.stopTitle': 'Листи про звернення {reference}',
  'requestMail.stopAsk':
    'Більше не надсилати листи про ваше звернення {reference} «{title}»? Інших ваших звернень це не стосується.',
  'requestMail.stopSubmit': 'Не надсилати листи',
  'requestMail.stoppedTitle': 'Листів про звернення {reference} більше не буде',
  'requestMail.stopped':
    'Ви більше не отримуватимете листів про це звернення. Розширення й далі показує, як воно просувається.',
} satisfies Catalogue['page'];
