import type { Catalogue } from '../catalogue.ts';

/**
 * Ukrainian messages of the extension: the report form (title hints, priority levels and advice,
 * request types and fields), My reports and the options page.
 */
export const formMessages = {
  'report.title.empty': 'Напишіть заголовок, з якого зрозуміло, що не так і де саме.',
  'report.title.allCaps':
    'Будь ласка, напишіть заголовок звичайними літерами: великі літери сприймаються як крик і не підвищують пріоритет.',
  'report.title.shouting':
    'Кілька слів написано великими літерами, а це сприймається як крик. Залиште великі літери для назв і кодів.',
  'report.title.tooShort':
    'Такий короткий заголовок рідко пояснює достатньо. Напишіть щонайменше {minWords, plural, one {# слово} few {# слова} many {# слів} other {# слова}} або {minLength, plural, one {# символ} few {# символи} many {# символів} other {# символу}}: що не працює, де саме, для якого замовлення чи сторінки.',
  'report.title.vague':
    'Із самим лише «не працює» чи «помилка» нічого не вдасться зробити. Напишіть, що саме не працює, де і для якого замовлення, товару чи сторінки.',
  'report.title.isDown':
    'Якщо не працює весь сервіс, підтримка, найімовірніше, вже в курсі: перегляньте сторінку стану. Якщо у вас не працює якась одна функція, назвіть її в заголовку.',
  'report.title.bareReference':
    'Сам лише номер заявки не описує проблему. Напишіть, що досі не так, а попередню заявку згадайте в описі.',
  'report.title.urgency':
    'Слова на кшталт «терміново» в заголовку не пришвидшують розгляд. Натомість виберіть пріоритет, а в заголовку опишіть суть проблеми.',
  'report.title.examplesHeading': 'Заголовки, які допомагають підтримці:',
  'report.title.example.invoiced':
    'Замовлення 456 має статус «Рахунок виставлено», але його так і не відправили',
  'report.title.example.images':
    'Зображення товарів на сторінці категорії відображаються не так, як очікувалося',
  'report.title.example.banner': 'Потрібно змінити банер на сайті: чи можете надіслати покрокову інструкцію?',
  'report.title.example.picking':
    'Намагалися скомплектувати замовлення 543, але система не дає перейти до пакування',

  'report.priority.low': 'Низький',
  'report.priority.low.definition': 'Косметична або дрібна проблема; може зачекати до запланованих робіт.',
  'report.priority.normal': 'Звичайний',
  'report.priority.normal.definition':
    'Щось працює неправильно, але є обхідний шлях або проблема стосується небагатьох людей. Планується відповідно до впливу.',
  'report.priority.high': 'Високий',
  'report.priority.high.definition':
    'Важливе завдання вашої команди заблоковано й обхідного шляху немає, але клієнти все ще можуть оформити замовлення та оплатити.',
  'report.priority.immediate': 'Негайний',
  'report.priority.immediate.definition':
    'Лише для надзвичайних ситуацій: клієнти не можуть завершити замовлення чи оплатити (оплата, оформлення замовлення, додавання в кошик). Перериває заплановані роботи.',
  'report.priority.advice.immediate':
    '«Негайний» призначений для надзвичайних ситуацій, коли клієнти не можуть завершити замовлення чи оплатити. Якщо це не ваш випадок, виберіть «Високий» або «Звичайний», щоб справжні надзвичайні ситуації й надалі вирізнялися.',
  'report.priority.advice.high':
    '«Високий» — для важливого завдання, яке заблоковано й не має обхідного шляху. Якщо обхідний шлях є, із пріоритетом «Звичайний» його так само буде заплановано.',
  'report.priority.advice.ordering':
    'Ви вказали, що клієнти не можуть завершити замовлення чи оплатити: саме для цього й існує «Негайний».',

  'report.priority.useSuggested': 'Вибрати «{level}»',

  'report.blocking.ordering': 'Клієнти не можуть завершити замовлення чи оплатити',
  'report.blocking.work': 'Важливе завдання заблоковано, і обхідного шляху немає',
  'report.blocking.none': 'Працює неправильно або повільно, але є обхідний шлях',

  // What a field's constraints in the form configuration say when broken.
  'report.error.required': 'Будь ласка, заповніть це поле.',
  'report.error.wholeNumber': 'Введіть ціле число, наприклад 12.',
  'report.error.min': 'Введіть значення не менше {min}.',
  'report.error.max': 'Введіть значення не більше {max}.',
  'report.error.maxLength':
    'Скоротіть текст до {max, plural, one {# символу} few {# символів} many {# символів} other {# символу}}.',
  'report.error.email': 'Введіть адресу електронної пошти, наприклад name@example.com.',
  'report.error.url': 'Введіть вебадресу, що починається з http:// або https://.',
  'report.error.invalid': 'У такому вигляді це надіслати не можна; перевірте, будь ласка.',

  'report.type.question': 'Запитання',
  'report.type.question.help':
    'Вам потрібна допомога або у вас є запитання, на яке немає відповіді в документації.',
  'report.type.broken': 'Щось не працює',
  'report.type.broken.help': 'Функція працює не так, як описано в документації, або не так, як раніше.',
  'report.type.feature': 'Ідея нової функції',
  'report.type.feature.help': 'Ви хотіли б, щоб продукт умів щось нове.',

  'report.field.title': 'Заголовок',
  'report.field.title.help': 'Що не так і де, одним рядком — як тема листа.',
  'report.field.description': 'Опис',
  'report.field.description.help':
    'Що сталося, коли і як. Додайте ідентифікатори, потрібні підтримці: замовлення, товару, кампанії, клієнта.',
  'report.field.goal': 'Чого ви хочете досягти?',
  'report.field.goal.help': 'Мета, що стоїть за ідеєю, допоможе нам знайти найкращий спосіб її досягти.',
  'report.field.stepsToReproduce': 'Кроки для відтворення',
  'report.field.stepsToReproduce.help':
    'Крок за кроком, від самого початку: що зробити, щоб побачити проблему.',
  'report.field.expected': 'Чого ви очікували?',
  'report.field.actual': 'Що сталося натомість?',
  'report.field.howBefore': 'Як було раніше?',
  'report.field.howBefore.help': 'Якщо раніше все працювало, то відколи перестало?',
  'report.field.blocking': 'Що через це неможливо зробити?',
  'report.field.impactPeople': 'Скільки людей зачеплено',
  'report.field.impactOrders': 'Скільки замовлень зачеплено',
  'report.field.impactBranches': 'Скільки філій або магазинів зачеплено',
  'report.field.impact.help': 'Число, навіть приблизне, допоможе нам зважити це порівняно з іншою роботою.',
  'report.field.workingExamples': 'Приклади, де все працює',
  'report.field.failingExamples': 'Приклади, де виникає проблема',
  'report.field.examples.help':
    'Якщо можете, щонайменше три кожного виду: номери замовлень, посилання, товари.',
  'report.field.alreadyTried': 'Що ви вже спробували?',
  'report.field.priority': 'Пріоритет',
  'report.field.priority.help': 'Для кожного рівня вказано, коли його вибирати.',
  'report.field.account': 'Обліковий запис',
  'report.field.account.help': 'Обліковий запис, у якому це відбувається.',
  'report.field.shareWith': 'Поділитися з',
  'report.field.shareWith.help': 'Організація, від імені якої ви звертаєтеся, якщо ви належите до кількох.',
  'report.field.country': 'Країна',
  'report.field.country.help': 'Країна, у якій це відбувається.',
  'report.field.contactEmail': 'Контактна електронна адреса',
  'report.field.contactEmail.help': 'Куди служба підтримки може написати вам щодо цього звернення.',

  // The extension's pages: the report form, "My reports" and settings.
  'report.page.heading': 'Повідомити про проблему',
  'report.page.subtitle': 'На сайті {host}',
  'report.page.subtitleNoPage': 'Опишіть проблему й додайте матеріали, які її показують.',
  'report.page.nav': 'Сторінки Snapdesk',
  'report.page.myReports': 'Мої звернення',
  'report.page.settings': 'Налаштування',
  'report.page.loading': 'Завантаження…',
  'report.page.required': 'обов’язково',
  'report.page.choose': 'Виберіть…',
  'report.page.remove': 'Видалити',
  'report.page.problemHeading': 'Проблема',
  'report.page.reporterHeading': 'Як підтримка може з вами зв’язатися',
  'report.page.typeLegend': 'Якого типу це звернення?',
  'report.page.pageUrl': 'Адреса сторінки',
  'report.page.pageUrlHelp':
    'Не вдалося зробити знімок сторінки, тож вставте сюди її адресу (з адресного рядка).',
  'report.page.captureError':
    'Не вдалося зробити знімок цієї сторінки ({error}). Ви все одно можете описати проблему й додати скриншоти або файли.',
  'report.page.offlineForm':
    'Не вдалося завантажити форму із сервера, тому показано останню відому версію. Якщо сервер недоступний, звернення, надіслане зараз, чекатиме у вихідних, доки зв’язок не відновиться.',
  'report.page.draftMissing': 'Цієї чернетки більше не існує. Можливо, її надіслали з іншої вкладки.',
  'report.page.noDraft':
    'Щоб повідомити про проблему, відкрийте сторінку, де вона виникає, і натисніть кнопку Snapdesk на панелі інструментів (або Alt+Shift+R).',
  'report.page.alreadySent': 'Це звернення вже надіслано; воно чекає у вихідних або вже доставлене.',
  'report.page.saved': 'Чернетку збережено {time}',
  'report.page.saveFailed': 'Не вдалося зберегти чернетку: {error}',

  'report.incident.heading': 'Підтримка вже знає про проблему на цьому сайті',
  'report.incident.explain':
    'Якщо ви бачите саме це, повідомляти не потрібно: підпишіться, щоб дізнатися, коли проблему буде усунено. Якщо у вас інша проблема, повідомте про неї нижче.',
  'report.incident.subscribe': 'Підписатися на оновлення',
  'report.incident.reportAnyway': 'Усе одно повідомити (з прив’язкою до цього інциденту)',
  'report.incident.linked': 'Ваше звернення буде пов’язано з цим інцидентом.',
  'report.incident.unlink': 'Не пов’язувати',

  'report.duplicate.heading': 'Ви вже повідомляли про проблему на цій сторінці',
  'report.duplicate.sentAt': 'надіслано {time}',
  'report.duplicate.explain':
    'Якщо це та сама проблема, підтримка вже працює над нею: повторне звернення не пришвидшить розгляд. Якщо проблема інша, продовжуйте.',
  'report.duplicate.continue': 'Це інша проблема — продовжити',

  'report.series.heading': 'Скриншоти та файли',
  'report.series.help':
    'Підтримка переглядатиме їх у цьому порядку, крок за кроком. Відкрийте скриншот, щоб додати позначки або зафарбувати те, чого не можна показувати.',
  'report.series.empty': 'Скриншотів ще немає.',
  'report.series.open': 'Скриншот {n}: {what}. Відкрийте, щоб додати позначки',
  'report.series.method.viewport': 'Видима частина',
  'report.series.method.stitched': 'Уся сторінка',
  'report.series.method.html2canvas': 'Уся сторінка (відтворена)',
  'report.series.method.upload': 'Завантажене зображення',
  'report.series.part': '{what} {index}/{count}',
  'report.series.marks':
    '{count, plural, one {# позначка} few {# позначки} many {# позначок} other {# позначки}}',
  'report.series.truncated': 'обрізано через обмеження розміру',
  'report.series.moveUp': 'Перемістити скриншот {n} вище',
  'report.series.moveDown': 'Перемістити скриншот {n} нижче',
  'report.series.removeCapture': 'Видалити скриншот {n}',
  'report.series.addStep': 'Додати крок',
  'report.series.addingStep': 'Створення знімка…',
  'report.series.addStepHelp':
    'Перейдіть на сторінці до наступного кроку, а потім поверніться сюди й додайте його.',
  'report.series.noTab':
    'Невідомо, у якій вкладці відкрито сторінку, тому додати крок неможливо; натомість додайте файли.',
  'report.series.noAnswer': 'розширення не відповіло',
  'report.series.stepFailed': 'Не вдалося зробити знімок кроку: {error}',
  'report.series.attach': 'Додати файли…',
  'report.series.filesHeading': 'Додані файли',
  'report.series.removeFile': 'Видалити {name}',
  'report.series.wrongType': '{name} не є зображенням або PDF.',
  'report.series.fileTooBig': 'Файл {name} більший за {max} МБ.',
  'report.series.sizeKb': '{size} КБ',
  'report.series.sizeMb': '{size} МБ',

  'report.annotate.heading': 'Позначки на скриншоті {n}',
  'report.annotate.help':
    'Щоб малювати, проведіть по зображенню. Щоб додати текст, введіть його, а потім клацніть там, де він має бути. Чорні прямокутники остаточно знищують те, що під ними, у зображенні, яке буде надіслано.',
  'report.annotate.tool': 'Інструмент',
  'report.annotate.tool.rect': 'Прямокутник',
  'report.annotate.tool.arrow': 'Стрілка',
  'report.annotate.tool.text': 'Текст',
  'report.annotate.tool.redact': 'Зафарбувати',
  'report.annotate.color': 'Колір',
  'report.annotate.color.red': 'Червоний',
  'report.annotate.color.orange': 'Помаранчевий',
  'report.annotate.color.blue': 'Синій',
  'report.annotate.color.green': 'Зелений',
  'report.annotate.undo': 'Скасувати',
  'report.annotate.redo': 'Повторити',
  'report.annotate.textLabel': 'Текст для розміщення',
  'report.annotate.textFirst': 'Спершу введіть текст, а потім клацніть там, де він має бути.',
  'report.annotate.canvasLabel':
    'Скриншот {n} з {count, plural, one {# позначкою} few {# позначками} many {# позначками} other {# позначки}}',
  'report.annotate.cannotOpen': 'Не вдалося відкрити це зображення, щоб додати позначки.',
  'report.annotate.marksHeading': 'Позначки на цьому скриншоті',
  'report.annotate.mark.rect': 'Прямокутник у точці {x}, {y} ({w} × {h})',
  'report.annotate.mark.redact': 'Зафарбована область у точці {x}, {y} ({w} × {h})',
  'report.annotate.mark.arrow': 'Стрілка від {x}, {y} до {x2}, {y2}',
  'report.annotate.mark.text': 'Текст «{text}» у точці {x}, {y}',
  'report.annotate.removeMark': 'Видалити: {mark}',

  'report.facts.heading': 'Надсилається разом зі зверненням',
  'report.facts.help': 'Підтримка завжди про це запитує. Вилучіть усе, чого ви не хотіли б надсилати.',
  'report.facts.url': 'Сторінка',
  'report.facts.capturedAt': 'Час знімка',
  'report.facts.viewport': 'Вікно',
  'report.facts.screen': 'Екран',
  'report.facts.title': 'Заголовок сторінки',
  'report.facts.browser': 'Браузер',
  'report.facts.browser_version': 'Версія браузера',
  'report.facts.os': 'Операційна система',
  'report.facts.language': 'Мова',
  'report.facts.time_zone': 'Часовий пояс',
  'report.facts.extension_version': 'Версія розширення',
  'report.facts.remove': 'Вилучити «{fact}» зі звернення',
  'report.console.heading': 'Помилки на сторінці ({count})',
  'report.console.empty': 'На сторінці не зафіксовано ні помилок, ні невдалих запитів.',
  'report.console.kind.error': 'Помилка',
  'report.console.kind.exception': 'Виняток',
  'report.console.kind.network': 'Невдалий запит',
  'report.console.remove': 'Вилучити помилку {n} зі звернення',

  'report.error.tooManyFiles':
    'Звернення може містити щонайбільше {max, plural, one {# вкладення} few {# вкладення} many {# вкладень} other {# вкладення}} (скриншотів і файлів разом).',
  'report.error.fileTooBig': 'Завеликі для надсилання (понад {max} МБ): {names}.',
  'report.error.reportTooBig': 'Усі скриншоти та файли разом перевищують {max} МБ.',
  'report.error.report': 'Звернення',

  'report.send.button': 'Надіслати звернення',
  'report.send.sending': 'Надсилання…',
  'report.send.help':
    'Ніщо не залишає ваш браузер, доки ви не натиснете «Надіслати». Якщо сервер недоступний, звернення зачекає й буде надіслане, щойно зв’язок відновиться.',
  'report.send.errorsHeading':
    'Перед надсиланням перевірте {count, plural, =1 {один пункт} one {# пункт} few {# пункти} many {# пунктів} other {# пункту}}',
  'report.send.failed': 'Не вдалося надіслати звернення: {error}',
  'report.sent.waiting': 'Надіслано — очікуємо на сервер',
  'report.sent.waitingHelp': 'Звернення у вихідних. Можете закрити цю вкладку — його буде доставлено.',
  'report.sent.retrying':
    'Ще не доставлено: {error}. Наступна спроба: {time}. Можете закрити цю вкладку — звернення чекатиме у вихідних.',
  'report.sent.refused': 'Сервер не прийняв звернення: {message}',
  'report.sent.done': 'Звернення отримано',
  'report.sent.reference': 'Номер вашого звернення:',
  'report.sent.doneHelp':
    'Служба підтримки зв’яжеться з вами щодо нього. Стежити за його розглядом можна в розділі «Мої звернення».',
  'report.sent.incident': 'Пов’язано з відомим інцидентом «{name}».',

  'report.state.received': 'Отримано',
  'report.state.forwarded': 'Передано в систему підтримки',
  'report.state.retrying': 'Передається',
  'report.state.failed': 'Ще не передано',

  'reports.heading': 'Мої звернення',
  'reports.intro': 'Звернення, які цей браузер надіслав до служби підтримки, від найновіших.',
  'reports.outboxHeading': 'Очікують надсилання ({count})',
  'reports.outboxHelp':
    'Ці звернення зберігаються, доки сервер їх не прийме; двічі вони ніколи не надсилаються.',
  'reports.waiting': 'Очікує',
  'reports.refused': 'Відхилено',
  'reports.createdAt': 'Створено {time}',
  'reports.notTried': 'Спроб ще не було.',
  'reports.lastError':
    'Остання спроба не вдалася: {error} ({attempts, plural, one {# спроба} few {# спроби} many {# спроб} other {# спроби}}). Наступна спроба: {time}.',
  'reports.refusedMessage': 'Сервер відхилив звернення: {message}',
  'reports.retry': 'Спробувати зараз',
  'reports.sentHeading': 'Надіслані',
  'reports.refresh': 'Оновити стани',
  'reports.refreshing': 'Оновлення…',
  'reports.refreshFailed':
    'Не вдалося оновити стан {count, plural, =1 {одного звернення} one {# звернення} few {# звернень} many {# звернень} other {# звернення}}: {error}',
  'reports.empty': 'З цього браузера ще не надіслано жодного звернення.',
  'reports.col.reference': 'Номер',
  'reports.col.title': 'Заголовок і сторінка',
  'reports.col.sent': 'Надіслано',
  'reports.col.state': 'Стан',
  'reports.external': 'Заявка в системі підтримки: {ref}',
  'reports.incident': 'Інцидент:',
  'reports.checkedAt': 'перевірено {time}',

  'options.heading': 'Налаштування Snapdesk',
  'options.intro': 'Куди надсилаються звернення і що автоматично заповнюється в кожному з них.',
  'options.serverHeading': 'Сервер',
  'options.defaultsHeading': 'Заповнюється в кожному зверненні',
  'options.defaultsHelp': 'Ви все одно можете змінити ці дані в кожному зверненні.',
  'options.field.serverUrl': 'Адреса сервера',
  'options.field.account': 'Обліковий запис',
  'options.field.country': 'Країна',
  'options.field.contactEmail': 'Контактна електронна адреса',
  'options.help.serverUrl':
    'Адреса сервера Snapdesk вашої організації, наприклад https://status.example.com.',
  'options.help.account': 'Обліковий запис або організація, від імені яких ви звертаєтеся.',
  'options.help.country': 'Країна, у якій ви працюєте.',
  'options.help.contactEmail': 'Куди служба підтримки може вам написати.',
  'options.invalid.serverUrl': 'Введіть вебадресу, що починається з http:// або https://.',
  'options.invalid.account': 'Не більше 200 символів.',
  'options.invalid.country': 'Виберіть країну.',
  'options.invalid.contactEmail': 'Введіть адресу електронної пошти, наприклад name@example.com.',
  'options.managed': 'Задано політикою вашої організації; тут це змінити не можна.',
  'options.managedNote': 'Деякі налаштування задає ваша організація, тому вони доступні лише для читання.',
  'options.save': 'Зберегти',
  'options.saved': 'Збережено.',
  'options.test.button': 'Перевірити з’єднання',
  'options.test.testing': 'Перевірка…',
  'options.test.ok': 'З’єднано з {name}: {status}',
  'options.test.failed': 'Немає з’єднання: {error}',
  'options.test.status': 'сервер відповів кодом {status}',
  'options.test.notSnapdesk': 'за цією адресою є відповідь, але це не сервер Snapdesk',

  'options.languageHeading': 'Мова',
  'options.field.language': 'Мова розширення',
  'options.help.language':
    'Для форми звернення, розділу «Мої звернення», цих налаштувань і пункту контекстного меню. Назва розширення у списку розширень браузера відповідає мові браузера.',
  'options.language.browser': 'Мова браузера ({language})',

  'options.incidentsHeading': 'Сповіщення про інциденти',
  'options.incidentsHelp':
    'Коли інцидент починається, змінюється або його вирішено, про це скажуть сповіщення й кнопка на панелі інструментів, з посиланням на інцидент. Розширення запитує в сервера його загальнодоступний список інцидентів; сторінку, яку ви переглядаєте, порівнюють із ним тут, у вашому браузері, і нікуди не надсилають.',
  'options.field.incidentAlerts': 'Повідомляти про інциденти',
  'options.incidentAlerts.off': 'Вимкнено',
  'options.incidentAlerts.sites':
    'На сайтах, де я працюю: на сторінці, відкритій переді мною, і на сайтах, з яких за останні 90 днів надіслано мої звернення',
  'options.incidentAlerts.components': 'На компонентах, які я виберу',
  'options.field.incidentComponents': 'Компоненти',
  'options.incidentComponents.loading': 'Завантаження компонентів сервера…',
  'options.incidentComponents.failed': 'Не вдалося завантажити компоненти: {error}',
  'options.incidentComponents.none': 'На сервері немає компонентів.',
  'options.invalid.incidentComponents': 'Виберіть принаймні один компонент.',
  'options.field.incidentIntervalMinutes': 'Перевіряти кожні (хвилин)',
  'options.help.incidentIntervalMinutes':
    'Не менше 1. Перевірка, яка не знайшла нічого нового, майже нічого не коштує серверу.',
  'options.invalid.incidentIntervalMinutes': 'Введіть ціле число хвилин від 1 до 1440.',
  'incidents.notice.started': 'Інцидент: {name}',
  'incidents.notice.updated': 'Оновлення інциденту: {name}',
  'incidents.notice.resolved': 'Вирішено: {name}',
  'incidents.notice.body': '{status} · стосується {where}',
  'incidents.notice.resolvedBody': 'Інцидент, що стосувався {where}, вирішено.',
  'incidents.heading': 'Поточні інциденти',
  'incidents.none': 'Зараз інцидентів немає.',
  'incidents.failed': 'Не вдалося перевірити інциденти: {error}',
  'incidents.checkedAt': 'перевірено {time}',
  'incidents.affects': 'Стосується: {components}',
  'incidents.yours': 'Там, де ви працюєте',

  'extension.name': 'Snapdesk — повідомити про проблему',
  'extension.description':
    'Повідомте про проблему на сторінці, яку бачите: знімок усієї сторінки з адресою та часом надійде до служби підтримки.',
  'extension.actionTitle': 'Повідомити про проблему на цій сторінці',
  'extension.commandDescription': 'Повідомити про проблему на цій сторінці',
  'extension.contextMenuTitle': 'Повідомити про проблему на цій сторінці',
  'extension.tabTitle': '{page} — Snapdesk',

  // A request's progress at the help desk, as My reports will show it.
  'request.state.received': 'Отримано',
  'request.state.open': 'Відкрито',
  'request.state.in_progress': 'У роботі',
  'request.state.waiting_for_customer': 'Чекає на вашу відповідь',
  'request.state.resolved': 'Вирішено',
  'request.state.closed': 'Закрито',
  'request.state.reopened': 'Відкрито повторно',

  // A request's progress in My reports and its notifications, and the form's e-mail opt-in.
  'requests.notify.title': '{reference}: {state}',
  'requests.notify.comment': 'Служба підтримки написала: {comment}',
  'requests.latestComment': 'Служба підтримки написала {time}:',
  'requests.history.show': 'Історія ({count})',
  'requests.history.heading': 'Історія {reference}',
  'requests.history.loading': 'Завантаження історії…',
  'requests.history.failed': 'Не вдалося завантажити історію: {error}',
  'requests.history.change': '{from} → {to}',
  'requests.history.reason': 'Причина: {reason}',
  'requests.history.by.console': 'службою підтримки',
  'requests.history.by.redmine': 'у системі підтримки',
  'requests.history.by.webhook': 'у системі підтримки',
  'requests.history.by.reporter': 'вами',
  'requests.history.by.system': 'автоматично',
  'requests.comment.support': 'Служба підтримки',
  'requests.comment.reporter': 'Ви',
  'requests.bell': 'Вимкнути сповіщення щодо {reference}',
  'requests.bellMuted': 'Сповіщення вимкнено',
  'requests.answer.heading': 'Служба підтримки чекає на вашу відповідь',
  'requests.answer.label': 'Ваша відповідь',
  'requests.answer.images': 'Додати зображення',
  'requests.answer.imagesHelp':
    'PNG, JPEG або WebP, не більше {max}. Зображення можна також вставити у відповідь.',
  'requests.answer.remove': 'Прибрати {name}',
  'requests.answer.tooMany': 'Не більше {max} зображень.',
  'requests.answer.wrongType': '{name} — не зображення PNG, JPEG або WebP.',
  'requests.answer.empty': 'Спершу напишіть відповідь.',
  'requests.answer.send': 'Надіслати відповідь',
  'requests.answer.sent': 'Вашу відповідь надіслано.',
  'requests.resolved.heading': 'Служба підтримки вважає, що проблему вирішено',
  'requests.resolved.help':
    'Підтвердьте це або відкрийте звернення знову, якщо проблема лишилася. Якщо не зробити ні того, ні іншого, за кілька днів воно закриється саме.',
  'requests.confirm': 'Підтвердити, що вирішено',
  'requests.confirmed': 'Дякуємо: звернення закрито.',
  'requests.reopen': 'Відкрити знову',
  'requests.reopen.reason': 'Чому проблему не вирішено?',
  'requests.reopen.send': 'Відкрити звернення знову',
  'requests.reopen.cancel': 'Скасувати',
  'requests.reopened': 'Звернення знову відкрито; служба підтримки перегляне його ще раз.',
  'requests.reopen.empty': 'Напишіть, чому проблему не вирішено.',
  'requests.working': 'Надсилання…',
  'requests.refused': 'Сервер відмовив: {message}',
  'requests.unreachable': 'Сервер недоступний: {error}',
  'requests.notifyByEmail': 'Повідомляти мене e-mailом про зміни в цьому зверненні',
  'requests.notifyByEmail.help':
    'Відповіді служби підтримки та зміни стану надходитимуть на {email}; у кожному листі є посилання, щоб їх вимкнути.',
} satisfies Catalogue['form'];
