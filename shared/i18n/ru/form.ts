import type { Catalogue } from '../catalogue.ts';

/**
 * Russian messages of the extension: the report form (title hints, priority levels and advice,
 * request types and fields), My reports and the options page.
 */
export const formMessages = {
  'report.title.empty': 'Напишите заголовок: что не так и где.',
  'report.title.allCaps':
    'Пожалуйста, пишите заголовок обычными буквами: заглавные воспринимаются как крик и не повышают приоритет.',
  'report.title.shouting':
    'Несколько слов написаны заглавными буквами, а это воспринимается как крик. Заглавные оставьте для названий и кодов.',
  'report.title.tooShort':
    'Такой короткий заголовок редко говорит достаточно. Напишите хотя бы {minWords, plural, one {# слово} few {# слова} many {# слов} other {# слова}} или {minLength, plural, one {# символ} few {# символа} many {# символов} other {# символа}}: что не работает, где, в каком заказе или на какой странице.',
  'report.title.vague':
    '«Не работает» или «ошибка» сами по себе ничего не говорят, и с этим нельзя начать работу. Укажите, что именно не работает, где и с каким заказом, товаром или на какой странице.',
  'report.title.isDown':
    'Если недоступен весь сервис, служба поддержки, скорее всего, уже знает об этом: загляните на страницу статуса. Если у вас не работает какая-то одна функция, назовите её в заголовке.',
  'report.title.bareReference':
    'Один только номер заявки не описывает проблему. Напишите, что по-прежнему не так, а предыдущую заявку упомяните в описании.',
  'report.title.urgency':
    'Слова вроде «срочно» в заголовке не ускоряют работу. Лучше выберите приоритет, а в заголовке опишите суть проблемы.',
  'report.title.examplesHeading': 'Заголовки, которые помогают поддержке:',
  'report.title.example.invoiced': 'Заказ 456 в статусе «Счёт выставлен», но так и не был отгружен',
  'report.title.example.images': 'Фото товаров на странице категории отображаются не так, как ожидалось',
  'report.title.example.banner': 'Нужно заменить баннер на сайте: подскажите, как это сделать, по шагам?',
  'report.title.example.picking': 'Пытаемся собрать заказ 543, но система не даёт перейти к упаковке',

  'report.priority.low': 'Низкий',
  'report.priority.low.definition':
    'Мелкая или косметическая проблема; может подождать, пока до неё дойдёт очередь.',
  'report.priority.normal': 'Нормальный',
  'report.priority.normal.definition':
    'Что-то работает неправильно, но есть обходной путь или затронуто немного людей. Планируется с учётом влияния.',
  'report.priority.high': 'Высокий',
  'report.priority.high.definition':
    'Важная задача вашей команды заблокирована и обходного пути нет, но клиенты по-прежнему могут оформить и оплатить заказ.',
  'report.priority.immediate': 'Немедленный',
  'report.priority.immediate.definition':
    'Только для экстренных случаев: клиенты не могут оформить или оплатить заказ (оплата, завершение заказа, добавление в корзину). Решается вне очереди.',
  'report.priority.advice.immediate':
    'Приоритет «Немедленный» предназначен для экстренных случаев, когда клиенты не могут оформить или оплатить заказ. Если это не так, выберите «Высокий» или «Нормальный», чтобы настоящие экстренные случаи по-прежнему были заметны.',
  'report.priority.advice.high':
    'Приоритет «Высокий» нужен, когда важная задача заблокирована и обойти проблему нельзя. Если обходной путь есть, с приоритетом «Нормальный» обращение точно так же попадёт в план.',
  'report.priority.advice.ordering':
    'Вы указали, что клиенты не могут оформить или оплатить заказ: именно для этого и предназначен приоритет «Немедленный».',

  'report.priority.useSuggested': 'Выбрать «{level}»',

  'report.blocking.ordering': 'Клиенты не могут оформить или оплатить заказ',
  'report.blocking.work': 'Важная задача заблокирована, и обходного пути нет',
  'report.blocking.none': 'Работает неправильно или медленно, но есть обходной путь',

  // What a field's constraints in the form configuration say when broken.
  'report.error.required': 'Заполните это поле.',
  'report.error.wholeNumber': 'Введите целое число, например 12.',
  'report.error.min': 'Введите число не меньше {min}.',
  'report.error.max': 'Введите число не больше {max}.',
  'report.error.maxLength':
    'Сократите текст до {max, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'report.error.email': 'Введите адрес электронной почты, например name@example.com.',
  'report.error.url': 'Введите веб-адрес, который начинается с http:// или https://.',
  'report.error.invalid': 'В таком виде это отправить нельзя; проверьте, пожалуйста.',

  'report.type.question': 'Вопрос',
  'report.type.question.help': 'Вам нужна помощь или у вас вопрос, на который нет ответа в документации.',
  'report.type.broken': 'Что-то не работает',
  'report.type.broken.help': 'Функция работает не так, как описано в документации, или не так, как раньше.',
  'report.type.feature': 'Идея новой функции',
  'report.type.feature.help': 'Вы хотите, чтобы продукт умел что-то новое.',

  'report.field.title': 'Заголовок',
  'report.field.title.help': 'Что не так и где — одной строкой, как тема письма.',
  'report.field.description': 'Описание',
  'report.field.description.help':
    'Что произошло, когда и как. Укажите ID, которые нужны поддержке: заказа, товара, кампании, клиента.',
  'report.field.goal': 'Чего вы хотите добиться?',
  'report.field.goal.help': 'Зная цель, которая стоит за идеей, нам проще найти лучший способ её достичь.',
  'report.field.stepsToReproduce': 'Шаги для воспроизведения',
  'report.field.stepsToReproduce.help':
    'По шагам, с самого начала: что нужно сделать, чтобы увидеть проблему.',
  'report.field.expected': 'Чего вы ожидали?',
  'report.field.actual': 'Что произошло на самом деле?',
  'report.field.howBefore': 'Как было раньше?',
  'report.field.howBefore.help': 'Если раньше всё работало, то с какого момента перестало?',
  'report.field.blocking': 'Чему это мешает?',
  'report.field.impactPeople': 'Затронуто людей',
  'report.field.impactOrders': 'Затронуто заказов',
  'report.field.impactBranches': 'Затронуто филиалов или магазинов',
  'report.field.impact.help':
    'Число, даже приблизительное, помогает нам соотнести проблему с другими задачами.',
  'report.field.workingExamples': 'Примеры, где всё работает',
  'report.field.failingExamples': 'Примеры, где возникает проблема',
  'report.field.examples.help': 'По возможности хотя бы по три каждого вида: номера заказов, ссылки, товары.',
  'report.field.alreadyTried': 'Что вы уже пробовали сделать?',
  'report.field.priority': 'Приоритет',
  'report.field.priority.help': 'Для каждого уровня указано, когда его выбирать.',
  'report.field.account': 'Аккаунт',
  'report.field.account.help': 'Аккаунт, в котором возникает проблема.',
  'report.field.shareWith': 'Поделиться с',
  'report.field.shareWith.help':
    'Организация, от имени которой вы сообщаете о проблеме, если вы состоите в нескольких.',
  'report.field.country': 'Страна',
  'report.field.country.help': 'Страна, в которой возникает проблема.',
  'report.field.contactEmail': 'Электронная почта для связи',
  'report.field.contactEmail.help': 'Куда служба поддержки может написать вам по этому обращению.',

  // The extension's pages: the report form, "My reports" and settings.
  'report.page.heading': 'Сообщить о проблеме',
  'report.page.subtitle': 'На сайте {host}',
  'report.page.subtitleNoPage': 'Опишите проблему и приложите материалы, на которых её видно.',
  'report.page.nav': 'Страницы Snapdesk',
  'report.page.myReports': 'Мои обращения',
  'report.page.settings': 'Настройки',
  'report.page.loading': 'Загрузка…',
  'report.page.required': 'обязательно',
  'report.page.choose': 'Выберите…',
  'report.page.remove': 'Удалить',
  'report.page.problemHeading': 'Проблема',
  'report.page.reporterHeading': 'Как поддержка свяжется с вами',
  'report.page.typeLegend': 'Какой у вас запрос?',
  'report.page.pageUrl': 'Адрес страницы',
  'report.page.pageUrlHelp':
    'Не удалось сделать снимок страницы, поэтому вставьте сюда её адрес (из адресной строки).',
  'report.page.captureError':
    'Не удалось сделать снимок этой страницы ({error}). Вы всё равно можете описать проблему и приложить скриншоты или файлы.',
  'report.page.offlineForm':
    'Не удалось загрузить форму с сервера, поэтому показана последняя известная версия. Если сервер недоступен, отправленное сейчас обращение будет ждать в исходящих, пока связь не восстановится.',
  'report.page.draftMissing': 'Этого черновика больше нет. Возможно, его отправили из другой вкладки.',
  'report.page.noDraft':
    'Чтобы сообщить о проблеме, откройте страницу, на которой она возникает, и нажмите кнопку Snapdesk на панели инструментов (или Alt+Shift+R).',
  'report.page.alreadySent': 'Это обращение уже отправлено: оно ждёт в исходящих или уже доставлено.',
  'report.page.saved': 'Черновик сохранён: {time}',
  'report.page.saveFailed': 'Не удалось сохранить черновик: {error}',

  'report.incident.heading': 'Служба поддержки уже знает о проблеме на этом сайте',
  'report.incident.explain':
    'Если вы видите именно её, сообщать о ней не нужно: подпишитесь, чтобы узнать, когда её устранят. Если у вас другая проблема, опишите её ниже.',
  'report.incident.subscribe': 'Подписаться на обновления',
  'report.incident.reportAnyway': 'Всё равно сообщить (с привязкой к этому инциденту)',
  'report.incident.linked': 'Ваше обращение будет привязано к этому инциденту.',
  'report.incident.unlink': 'Не привязывать',

  'report.duplicate.heading': 'Вы уже сообщали о проблеме на этой странице',
  'report.duplicate.sentAt': 'отправлено {time}',
  'report.duplicate.explain':
    'Если это та же проблема, поддержка уже занимается ею: повторное обращение не ускорит работу. Если проблема другая, продолжайте.',
  'report.duplicate.continue': 'Это другая проблема — продолжить',

  'report.series.heading': 'Скриншоты и файлы',
  'report.series.help':
    'Поддержка просматривает их в этом порядке, шаг за шагом. Откройте скриншот, чтобы сделать пометки или закрасить то, что нельзя показывать.',
  'report.series.empty': 'Скриншотов пока нет.',
  'report.series.open': 'Скриншот {n}: {what}. Открыть, чтобы добавить пометки',
  'report.series.method.viewport': 'Видимая часть',
  'report.series.method.stitched': 'Вся страница',
  'report.series.method.html2canvas': 'Вся страница (отрисовка)',
  'report.series.method.upload': 'Загруженное изображение',
  'report.series.marks':
    '{count, plural, one {# пометка} few {# пометки} many {# пометок} other {# пометки}}',
  'report.series.truncated': 'обрезано по ограничению размера',
  'report.series.moveUp': 'Переместить скриншот {n} выше',
  'report.series.moveDown': 'Переместить скриншот {n} ниже',
  'report.series.removeCapture': 'Удалить скриншот {n}',
  'report.series.addStep': 'Добавить шаг',
  'report.series.addingStep': 'Делаем снимок…',
  'report.series.addStepHelp':
    'Перейдите на странице к следующему шагу, затем вернитесь сюда и добавьте его.',
  'report.series.noTab': 'Вкладка страницы неизвестна, поэтому добавить шаг нельзя; приложите файлы.',
  'report.series.noAnswer': 'расширение не ответило',
  'report.series.stepFailed': 'Не удалось сделать снимок шага: {error}',
  'report.series.attach': 'Приложить файлы…',
  'report.series.filesHeading': 'Приложенные файлы',
  'report.series.removeFile': 'Удалить {name}',
  'report.series.wrongType': '{name} — не изображение и не PDF.',
  'report.series.fileTooBig': 'Файл {name} больше {max} МБ.',
  'report.series.sizeKb': '{size} КБ',
  'report.series.sizeMb': '{size} МБ',

  'report.annotate.heading': 'Пометки на скриншоте {n}',
  'report.annotate.help':
    'Чтобы рисовать, ведите мышью по изображению. Для текста сначала введите слова, затем щёлкните там, где они должны стоять. Чёрные прямоугольники безвозвратно скрывают то, что под ними, в отправляемом изображении.',
  'report.annotate.tool': 'Инструмент',
  'report.annotate.tool.rect': 'Прямоугольник',
  'report.annotate.tool.arrow': 'Стрелка',
  'report.annotate.tool.text': 'Текст',
  'report.annotate.tool.redact': 'Закрасить',
  'report.annotate.color': 'Цвет',
  'report.annotate.color.red': 'Красный',
  'report.annotate.color.orange': 'Оранжевый',
  'report.annotate.color.blue': 'Синий',
  'report.annotate.color.green': 'Зелёный',
  'report.annotate.undo': 'Отменить',
  'report.annotate.redo': 'Повторить',
  'report.annotate.textLabel': 'Текст для вставки',
  'report.annotate.textFirst': 'Сначала введите текст, затем щёлкните там, где он должен стоять.',
  'report.annotate.canvasLabel':
    'Скриншот {n}: {count, plural, one {# пометка} few {# пометки} many {# пометок} other {# пометки}}',
  'report.annotate.cannotOpen': 'Не удалось открыть это изображение, чтобы добавить пометки.',
  'report.annotate.marksHeading': 'Пометки на этом скриншоте',
  'report.annotate.mark.rect': 'Прямоугольник в точке {x}, {y} ({w} × {h})',
  'report.annotate.mark.redact': 'Закрашенная область в точке {x}, {y} ({w} × {h})',
  'report.annotate.mark.arrow': 'Стрелка из точки {x}, {y} в точку {x2}, {y2}',
  'report.annotate.mark.text': 'Текст «{text}» в точке {x}, {y}',
  'report.annotate.removeMark': 'Удалить: {mark}',

  'report.facts.heading': 'Отправляется вместе с обращением',
  'report.facts.help': 'Поддержка всегда запрашивает эти данные. Удалите то, что не хотите отправлять.',
  'report.facts.url': 'Страница',
  'report.facts.capturedAt': 'Время снимка',
  'report.facts.viewport': 'Окно',
  'report.facts.screen': 'Экран',
  'report.facts.title': 'Заголовок страницы',
  'report.facts.browser': 'Браузер',
  'report.facts.browser_version': 'Версия браузера',
  'report.facts.os': 'Операционная система',
  'report.facts.language': 'Язык',
  'report.facts.time_zone': 'Часовой пояс',
  'report.facts.extension_version': 'Версия расширения',
  'report.facts.remove': 'Удалить из обращения: {fact}',
  'report.console.heading': 'Ошибки на странице ({count})',
  'report.console.empty': 'На странице не зафиксировано ни ошибок, ни неудачных запросов.',
  'report.console.kind.error': 'Ошибка',
  'report.console.kind.exception': 'Исключение',
  'report.console.kind.network': 'Сбой запроса',
  'report.console.remove': 'Удалить ошибку {n} из обращения',

  'report.error.tooManyFiles': 'Скриншотов и файлов в одном обращении может быть не больше {max}.',
  'report.error.fileTooBig': 'Слишком большой размер для отправки (больше {max} МБ): {names}.',
  'report.error.reportTooBig': 'Общий размер скриншотов и файлов превышает {max} МБ.',
  'report.error.report': 'Обращение',

  'report.send.button': 'Отправить обращение',
  'report.send.sending': 'Отправка…',
  'report.send.help':
    'Ничего не покидает ваш браузер, пока вы не нажмёте «Отправить». Если сервер недоступен, обращение подождёт и будет отправлено, как только связь восстановится.',
  'report.send.errorsHeading':
    'Перед отправкой проверьте {count, plural, =1 {один пункт} one {# пункт} few {# пункта} many {# пунктов} other {# пункта}}',
  'report.send.failed': 'Не удалось отправить обращение: {error}',
  'report.sent.waiting': 'Отправлено — ждём ответа сервера',
  'report.sent.waitingHelp':
    'Обращение находится в исходящих. Эту вкладку можно закрыть: оно будет доставлено.',
  'report.sent.retrying':
    'Пока не доставлено: {error}. Следующая попытка: {time}. Эту вкладку можно закрыть: обращение ждёт в исходящих.',
  'report.sent.refused': 'Сервер не принял обращение: {message}',
  'report.sent.done': 'Обращение получено',
  'report.sent.reference': 'Номер вашего обращения:',
  'report.sent.doneHelp':
    'Служба поддержки свяжется с вами по этому обращению. Как продвигается работа, видно в разделе «Мои обращения».',
  'report.sent.incident': 'Привязано к известному инциденту «{name}».',

  'report.state.received': 'Получено',
  'report.state.forwarded': 'Передано в систему поддержки',
  'report.state.retrying': 'Передаётся',
  'report.state.failed': 'Пока не передано',

  'reports.heading': 'Мои обращения',
  'reports.intro': 'Обращения, отправленные в поддержку из этого браузера, — сначала новые.',
  'reports.outboxHeading': 'Ожидают отправки ({count})',
  'reports.outboxHelp': 'Эти обращения хранятся, пока сервер их не примет; повторно они не отправляются.',
  'reports.waiting': 'Ожидает',
  'reports.refused': 'Отклонено',
  'reports.createdAt': 'Создано {time}',
  'reports.notTried': 'Попыток отправки ещё не было.',
  'reports.lastError':
    'Последняя попытка не удалась: {error} (всего {attempts, plural, one {# попытка} few {# попытки} many {# попыток} other {# попытки}}). Следующая попытка: {time}.',
  'reports.refusedMessage': 'Сервер отклонил обращение: {message}',
  'reports.retry': 'Повторить сейчас',
  'reports.sentHeading': 'Отправленные',
  'reports.refresh': 'Обновить статусы',
  'reports.refreshing': 'Обновление…',
  'reports.refreshFailed':
    'Не удалось обновить статус {count, plural, =1 {одного обращения} one {# обращения} few {# обращений} many {# обращений} other {# обращения}}: {error}',
  'reports.empty': 'Из этого браузера ещё не отправлено ни одного обращения.',
  'reports.col.reference': 'Номер',
  'reports.col.title': 'Заголовок и страница',
  'reports.col.sent': 'Отправлено',
  'reports.col.state': 'Статус',
  'reports.external': 'Заявка в системе поддержки: {ref}',
  'reports.incident': 'Инцидент:',
  'reports.checkedAt': 'проверено {time}',

  'options.heading': 'Настройки Snapdesk',
  'options.intro': 'Куда отправляются обращения и что подставляется в каждое из них.',
  'options.serverHeading': 'Сервер',
  'options.defaultsHeading': 'Подставляется в каждое обращение',
  'options.defaultsHelp': 'В каждом обращении эти данные всё равно можно изменить.',
  'options.field.serverUrl': 'Адрес сервера',
  'options.field.account': 'Аккаунт',
  'options.field.country': 'Страна',
  'options.field.contactEmail': 'Электронная почта для связи',
  'options.help.serverUrl': 'Адрес сервера Snapdesk вашей организации, например https://status.example.com.',
  'options.help.account': 'Аккаунт или организация, от имени которой вы сообщаете о проблемах.',
  'options.help.country': 'Страна, в которой вы работаете.',
  'options.help.contactEmail': 'Куда служба поддержки может вам написать.',
  'options.invalid.serverUrl': 'Введите веб-адрес, который начинается с http:// или https://.',
  'options.invalid.account': 'Не более 200 символов.',
  'options.invalid.country': 'Выберите страну.',
  'options.invalid.contactEmail': 'Введите адрес электронной почты, например name@example.com.',
  'options.managed': 'Задано политикой вашей организации; изменить здесь нельзя.',
  'options.managedNote': 'Некоторые настройки заданы вашей организацией и доступны только для просмотра.',
  'options.save': 'Сохранить',
  'options.saved': 'Сохранено.',
  'options.test.button': 'Проверить подключение',
  'options.test.testing': 'Проверка…',
  'options.test.ok': 'Подключено к {name}: {status}',
  'options.test.failed': 'Нет подключения: {error}',
  'options.test.status': 'сервер ответил: {status}',
  'options.test.notSnapdesk': 'по этому адресу есть ответ, но это не сервер Snapdesk',

  'options.languageHeading': 'Язык',
  'options.field.language': 'Язык расширения',
  'options.help.language':
    'Для формы обращения, раздела «Мои обращения», этих настроек и пункта контекстного меню. Название расширения в списке расширений браузера следует языку браузера.',
  'options.language.browser': 'Язык браузера ({language})',

  'options.incidentsHeading': 'Оповещения об инцидентах',
  'options.incidentsHelp':
    'Когда инцидент начинается, меняется или устранён, об этом скажут уведомление и кнопка на панели инструментов, со ссылкой на инцидент. Расширение запрашивает у сервера его общедоступный список инцидентов; страница, которую вы смотрите, сравнивается с ним здесь, в вашем браузере, и никуда не отправляется.',
  'options.field.incidentAlerts': 'Сообщать об инцидентах',
  'options.incidentAlerts.off': 'Выключено',
  'options.incidentAlerts.sites':
    'На сайтах, где я работаю: на открытой передо мной странице и на сайтах, с которых за последние 90 дней отправлены мои обращения',
  'options.incidentAlerts.components': 'На выбранных мной компонентах',
  'options.field.incidentComponents': 'Компоненты',
  'options.incidentComponents.loading': 'Загрузка компонентов сервера…',
  'options.incidentComponents.failed': 'Не удалось загрузить компоненты: {error}',
  'options.incidentComponents.none': 'На сервере нет компонентов.',
  'options.invalid.incidentComponents': 'Выберите хотя бы один компонент.',
  'options.field.incidentIntervalMinutes': 'Проверять каждые (минут)',
  'options.help.incidentIntervalMinutes':
    'Не меньше 1. Проверка, которая не нашла ничего нового, почти ничего не стоит серверу.',
  'options.invalid.incidentIntervalMinutes': 'Введите целое число минут от 1 до 1440.',
  'incidents.notice.started': 'Инцидент: {name}',
  'incidents.notice.updated': 'Новое по инциденту: {name}',
  'incidents.notice.resolved': 'Устранено: {name}',
  'incidents.notice.body': '{status} · затрагивает {where}',
  'incidents.notice.resolvedBody': 'Инцидент, затрагивавший {where}, устранён.',
  'incidents.heading': 'Текущие инциденты',
  'incidents.none': 'Сейчас инцидентов нет.',
  'incidents.failed': 'Не удалось проверить инциденты: {error}',
  'incidents.checkedAt': 'проверено {time}',
  'incidents.affects': 'Затрагивает: {components}',
  'incidents.yours': 'Там, где вы работаете',

  'extension.name': 'Snapdesk — сообщить о проблеме',
  'extension.description':
    'Сообщите о проблеме на открытой странице: снимок всей страницы с адресом и временем уйдёт в службу поддержки.',
  'extension.actionTitle': 'Сообщить о проблеме на этой странице',
  'extension.commandDescription': 'Сообщить о проблеме на этой странице',
  'extension.contextMenuTitle': 'Сообщить о проблеме на этой странице',
  'extension.tabTitle': '{page} — Snapdesk',

  // A request's progress at the help desk, as My reports will show it.
  'request.state.received': 'Получено',
  'request.state.open': 'Открыто',
  'request.state.in_progress': 'В работе',
  'request.state.waiting_for_customer': 'Ждёт вашего ответа',
  'request.state.resolved': 'Устранено',
  'request.state.closed': 'Закрыто',
  'request.state.reopened': 'Открыто повторно',
} satisfies Catalogue['form'];
