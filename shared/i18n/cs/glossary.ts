import type { Glossary } from '../glossary.ts';

/**
 * Czech glossary (see `../glossary.ts`): the word for each product term, the forms that count as it in
 * running text (case endings: `\p{L}*`), and the alternatives that must not be used. Formal “vy”.
 */
export const glossary = {
  incident: { word: 'Incident', stems: ['incident'], avoid: ['událost', 'mimořádn\\p{L}* událost'] },
  maintenance: { word: 'Plánovaná údržba', stems: ['údržb'], avoid: ['servisn\\p{L}* zásah', 'odstávk'] },
  component: { word: 'Komponenta', stems: ['komponent'], avoid: ['součást'] },
  operational: { word: 'Funkční', stems: ['funkční'], avoid: ['v provozu', 'provozuschopn'] },
  degradedPerformance: {
    word: 'Snížený výkon',
    stems: ['snížen\\p{L}* výkon'],
    avoid: ['zhoršen\\p{L}* výkon', 'degradovan'],
  },
  partialOutage: {
    word: 'Částečný výpadek',
    stems: ['částečn\\p{L}* výpad'],
    avoid: ['částečn\\p{L}* nedostupn', 'částečn\\p{L}* přerušen'],
  },
  majorOutage: {
    word: 'Závažný výpadek',
    stems: ['závažn\\p{L}* výpad'],
    avoid: ['velk\\p{L}* výpad', 'úpln\\p{L}* výpad', 'rozsáhl\\p{L}* výpad'],
  },
  underMaintenance: { word: 'V údržbě', stems: ['v údržbě', 'probíhá údržb'] },

  investigating: { word: 'Šetření' },
  identified: { word: 'Příčina zjištěna' },
  monitoring: { word: 'Monitorování' },
  resolved: { word: 'Vyřešeno', stems: ['vyřeš'] },
  postmortem: { word: 'Rozbor incidentu' },

  scheduled: { word: 'Naplánováno', stems: ['naplánov', 'plánovan'] },
  inProgress: { word: 'Probíhá' },
  verifying: { word: 'Ověřování' },
  completed: { word: 'Dokončeno' },

  subscribe: {
    word: 'Přihlásit k odběru',
    stems: ['odběr', 'odebír', 'přihlás\\p{L}* (?:se )?k odběru'],
    avoid: ['předplat', 'přihlásit se k odebírání'],
    note: 'Buttons «Přihlásit k odběru»; navigation «Odebírat aktualizace».',
  },
  unsubscribe: { word: 'Odhlásit odběr', stems: ['odhlás', 'odhláš'], avoid: ['zrušit odběr'] },
  subscription: { word: 'Odběr', stems: ['odběr'], avoid: ['předplat'] },

  report: {
    word: 'Hlášení',
    stems: ['hlá[sš]', 'nahl[aá][sš]'],
    avoid: ['report(?!\\p{L})', 'reportu'],
    note: 'The noun is «hlášení» (neuter, the same in most cases); to report is «nahlásit».',
  },
  ticket: {
    word: 'Tiket',
    stems: ['tiket'],
    avoid: ['ticket'],
    note: 'Not «požadavek»: that is a request (the request type, an HTTP request).',
  },
  helpDesk: { word: 'Helpdesk', stems: ['helpdesk'], avoid: ['help desk', 'help-desk', 'servisní desk'] },
  support: { word: 'Podpora', stems: ['podpo[rř]'] },
  statusPage: {
    word: 'Stavová stránka',
    stems: ['stavov\\p{L}* strán'],
    avoid: ['stránk\\p{L}* stavu', 'status page', 'statusov\\p{L}* stránk'],
  },

  question: { word: 'Dotaz' },
  broken: { word: 'Něco nefunguje' },
  feature: { word: 'Námět na novou funkci' },

  priorityLow: { word: 'Nízká' },
  priorityNormal: { word: 'Normální', avoid: ['priorit\\p{L}* „?střední'] },
  priorityHigh: { word: 'Vysoká' },
  priorityImmediate: { word: 'Okamžitá', avoid: ['priorit\\p{L}* „?urgentn'] },
  priorityLowDefinition: { word: 'Kosmetická nebo drobná vada; může počkat na plánovanou práci.' },
  priorityNormalDefinition: {
    word: 'Něco funguje špatně, ale existuje náhradní řešení nebo se to týká jen několika lidí. Plánuje se podle dopadu.',
  },
  priorityHighDefinition: {
    word: 'Důležitá práce vašeho týmu je zablokovaná a neexistuje náhradní řešení, ale zákazníci mohou dál objednávat a platit.',
  },
  priorityImmediateDefinition: {
    word: 'Jen pro naléhavé případy: zákazníci nemohou dokončit objednávku nebo zaplatit (platba, dokončení objednávky, vložení do košíku). Přeruší plánovanou práci.',
  },
  workaround: {
    word: 'Náhradní řešení',
    stems: ['náhradn\\p{L}* řešení'],
    avoid: ['dočasn\\p{L}* řešení', 'obejití', 'workaround'],
  },

  screenshot: {
    word: 'Snímek obrazovky',
    stems: ['snímk', 'snímek'],
    avoid: ['screenshot', 'obrázek obrazovky'],
    note: 'Once named, «snímek» alone is enough.',
  },
  webhook: { word: 'Webhook', stems: ['webhook'], avoid: ['webový háček'] },
} satisfies Glossary;
