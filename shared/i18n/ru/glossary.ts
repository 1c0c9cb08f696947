import type { Glossary } from '../glossary.ts';

/**
 * Russian glossary (see `../glossary.ts`): the word for each product term, the forms that count as it
 * in running text (case endings: `\p{L}*`), and the alternatives that must not be used. Formal “вы”.
 */
export const glossary = {
  incident: { word: 'Инцидент', stems: ['инцидент'], avoid: ['происшеств'] },
  maintenance: {
    word: 'Плановые работы',
    stems: ['планов\\p{L}* работ', 'работ(?:ы|ам|ах|ами)?(?!\\p{L})', 'обслуживани'],
    avoid: ['профилактик', 'регламентн\\p{L}* работ', 'техработ'],
    note: 'The event: «плановые работы» (also just «работы» once named). The state of a component: «на обслуживании».',
  },
  component: { word: 'Компонент', stems: ['компонент'] },
  operational: {
    word: 'Работает',
    stems: ['работа(?:ет|ют)(?!\\p{L})'],
    avoid: ['функционирует', 'в норме'],
  },
  degradedPerformance: {
    word: 'Снижение производительности',
    stems: ['сниж\\p{L}* производительн', 'производительность снижена'],
    avoid: ['деградац', 'ухудшени\\p{L}* производительн'],
  },
  partialOutage: {
    word: 'Частичный сбой',
    stems: ['частичн\\p{L}* сбо'],
    avoid: ['частичн\\p{L}* недоступн', 'частичн\\p{L}* отказ'],
  },
  majorOutage: {
    word: 'Серьёзный сбой',
    stems: ['серь[её]зн\\p{L}* сбо'],
    avoid: ['крупн\\p{L}* сбо', 'полн\\p{L}* недоступн', 'глобальн\\p{L}* сбо'],
  },
  underMaintenance: { word: 'На обслуживании', stems: ['на (?:техническом )?обслуживании'] },

  investigating: { word: 'Расследование' },
  identified: { word: 'Причина установлена' },
  monitoring: { word: 'Наблюдение' },
  resolved: { word: 'Устранено', stems: ['устран'], avoid: ['решено(?!\\p{L})', 'разрешено(?!\\p{L})'] },
  postmortem: { word: 'Разбор инцидента' },

  scheduled: { word: 'Запланировано', stems: ['заплан', 'планов'] },
  inProgress: { word: 'Выполняется' },
  verifying: { word: 'Проверка' },
  completed: { word: 'Завершено' },

  subscribe: { word: 'Подписаться', stems: ['подпис', 'подпиш'] },
  unsubscribe: {
    word: 'Отписаться',
    stems: ['отпис', 'отпиш'],
    avoid: ['отказ\\p{L}* от подписки', 'отмен\\p{L}* подписк'],
  },
  subscription: {
    word: 'Подписка',
    stems: ['подписк'],
    avoid: ['рассылк'],
    note: 'Updates also go to webhooks and Slack: «подписка», «обновления», not «рассылка».',
  },

  report: {
    word: 'Обращение',
    stems: ['обращени', 'обраща', 'сообщ'],
    avoid: ['отч[её]т', 'тикет'],
    note: 'The noun is «обращение»; to report is «сообщить о проблеме».',
  },
  ticket: { word: 'Заявка', stems: ['заявк'], avoid: ['тикет'] },
  helpDesk: {
    word: 'Система поддержки',
    stems: ['систем\\p{L}* поддержки'],
    avoid: ['хелпдеск', 'help ?desk', 'сервис-деск'],
    note: 'The tool reports are forwarded to; the people are «служба поддержки» or «поддержка» (support).',
  },
  support: { word: 'Служба поддержки', stems: ['поддержк'] },
  statusPage: {
    word: 'Страница статуса',
    stems: ['страниц\\p{L}* статуса'],
    avoid: ['статус-страниц', 'страниц\\p{L}* состояния'],
  },

  question: { word: 'Вопрос' },
  broken: { word: 'Что-то не работает' },
  feature: { word: 'Идея новой функции' },

  priorityLow: { word: 'Низкий' },
  priorityNormal: { word: 'Нормальный', avoid: ['приоритет\\p{L}* «?(?:обычн|средн)'] },
  priorityHigh: { word: 'Высокий' },
  priorityImmediate: { word: 'Немедленный', avoid: ['приоритет\\p{L}* «?срочн'] },
  priorityLowDefinition: {
    word: 'Мелкая или косметическая проблема; может подождать, пока до неё дойдёт очередь.',
    note: '“Planned work” is not «плановая работа»: «плановые работы» is maintenance.',
  },
  priorityNormalDefinition: {
    word: 'Что-то работает неправильно, но есть обходной путь или затронуто немного людей. Планируется с учётом влияния.',
  },
  priorityHighDefinition: {
    word: 'Важная задача вашей команды заблокирована и обходного пути нет, но клиенты по-прежнему могут оформить и оплатить заказ.',
  },
  priorityImmediateDefinition: {
    word: 'Только для экстренных случаев: клиенты не могут оформить или оплатить заказ (оплата, завершение заказа, добавление в корзину). Решается вне очереди.',
  },
  workaround: {
    word: 'Обходной путь',
    stems: ['обходн', 'обой'],
    avoid: ['временн\\p{L}* решени', 'костыл'],
  },

  screenshot: { word: 'Скриншот', stems: ['скриншот'], avoid: ['снимк\\p{L}* экрана', 'снимок экрана'] },
  webhook: { word: 'Вебхук', stems: ['вебхук'], avoid: ['веб-хук', 'веб-перехватчик', 'webhook'] },
} satisfies Glossary;
