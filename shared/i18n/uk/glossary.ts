import type { Glossary } from '../glossary.ts';

/**
 * Ukrainian glossary (see `../glossary.ts`): the word for each product term, the forms that count as
 * it in running text (case endings: `\p{L}*`), and the alternatives that must not be used. Formal «ви».
 */
export const glossary = {
  incident: { word: 'Інцидент', stems: ['інцидент'], avoid: ['подія(?!\\p{L})', 'подію(?!\\p{L})'] },
  maintenance: {
    word: 'Технічне обслуговування',
    stems: ['обслуговуван'],
    avoid: ['профілактик', 'регламентн\\p{L}* робіт', 'техробот'],
  },
  component: { word: 'Компонент', stems: ['компонент'] },
  operational: { word: 'Працює', stems: ['працю(?:є|ють)(?!\\p{L})'], avoid: ['функціонує', 'у нормі'] },
  degradedPerformance: {
    word: 'Знижена продуктивність',
    stems: ['знижен\\p{L}* продуктивн', 'зниженн\\p{L}* продуктивн'],
    avoid: ['деградац', 'погіршен\\p{L}* продуктивн'],
  },
  partialOutage: {
    word: 'Частковий збій',
    stems: ['частков\\p{L}* збо', 'частковий збій'],
    avoid: ['частков\\p{L}* недоступн', 'частков\\p{L}* відмов'],
  },
  majorOutage: {
    word: 'Серйозний збій',
    stems: ['серйозн\\p{L}* збо', 'серйозний збій'],
    avoid: ['значн\\p{L}* збо', 'значний збій', 'повн\\p{L}* недоступн', 'глобальн\\p{L}* збо'],
  },
  underMaintenance: {
    word: 'Технічне обслуговування',
    stems: ['(?:на )?технічн\\p{L}* обслуговуван'],
    note: 'As a component status the noun alone; in a sentence «на технічному обслуговуванні».',
  },

  investigating: { word: 'Розслідування' },
  identified: { word: 'Причину встановлено' },
  monitoring: { word: 'Моніторинг' },
  resolved: { word: 'Вирішено', stems: ['виріш'], avoid: ["розв[’']язано"] },
  postmortem: { word: 'Розбір інциденту' },

  scheduled: { word: 'Заплановано', stems: ['заплан'] },
  inProgress: { word: 'Триває' },
  verifying: { word: 'Перевірка' },
  completed: { word: 'Завершено' },

  subscribe: { word: 'Підписатися', stems: ['підпис', 'підпиш'] },
  unsubscribe: {
    word: 'Відписатися',
    stems: ['відпис', 'відпиш', 'скасуванн\\p{L}* підписк'],
    avoid: ['скасувати підписку', 'відмов\\p{L}* від підписки'],
    note: 'The page title may say «Скасування підписки»; the action is «Відписатися».',
  },
  subscription: { word: 'Підписка', stems: ['підписк'], avoid: ['розсилк'] },

  report: {
    word: 'Звернення',
    stems: ['звернен', 'зверта', 'повідом'],
    avoid: ['звіт', 'тікет', 'тикет'],
    note: 'The noun is «звернення»; to report is «повідомити про проблему».',
  },
  ticket: { word: 'Заявка', stems: ['заявк'], avoid: ['тікет', 'тикет'] },
  helpDesk: {
    word: 'Система підтримки',
    stems: ['систем\\p{L}* підтримки'],
    avoid: ['хелпдеск', 'гелпдеск', 'help ?desk'],
    note: 'The tool reports are forwarded to; the people are «служба підтримки» or «підтримка» (support).',
  },
  support: { word: 'Служба підтримки', stems: ['підтрим'] },
  statusPage: {
    word: 'Сторінка стану',
    stems: ['сторін\\p{L}* стану'],
    avoid: ['сторінк\\p{L}* статусу', 'статус-сторінк'],
  },

  question: { word: 'Запитання' },
  broken: { word: 'Щось не працює' },
  feature: { word: 'Ідея нової функції' },

  priorityLow: { word: 'Низький' },
  priorityNormal: { word: 'Звичайний', avoid: ['пріоритет\\p{L}* «?(?:нормальн|середн)'] },
  priorityHigh: { word: 'Високий' },
  priorityImmediate: { word: 'Негайний', avoid: ['пріоритет\\p{L}* «?терміно'] },
  priorityLowDefinition: { word: 'Косметична або дрібна проблема; може зачекати до запланованих робіт.' },
  priorityNormalDefinition: {
    word: 'Щось працює неправильно, але є обхідний шлях або проблема стосується небагатьох людей. Планується відповідно до впливу.',
  },
  priorityHighDefinition: {
    word: 'Важливе завдання вашої команди заблоковано й обхідного шляху немає, але клієнти все ще можуть оформити замовлення та оплатити.',
  },
  priorityImmediateDefinition: {
    word: 'Лише для надзвичайних ситуацій: клієнти не можуть завершити замовлення чи оплатити (оплата, оформлення замовлення, додавання в кошик). Перериває заплановані роботи.',
  },
  workaround: {
    word: 'Обхідний шлях',
    stems: ['обхідн', 'обійти'],
    avoid: ['тимчасов\\p{L}* рішенн', 'милиц'],
  },

  screenshot: { word: 'Скриншот', stems: ['скриншот'], avoid: ['знімк\\p{L}* екрана', 'знімок екрана'] },
  webhook: { word: 'Вебхук', stems: ['вебхук'], avoid: ['веб-хук', 'webhook'] },
} satisfies Glossary;
