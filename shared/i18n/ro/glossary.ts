import type { Glossary } from '../glossary.ts';

/**
 * Romanian glossary (see `../glossary.ts`): the word for each product term, the forms that count as it
 * in running text (articled and plural forms: `\p{L}*`), and the alternatives that must not be used.
 * Formal «dumneavoastră».
 */
export const glossary = {
  incident: { word: 'Incident', stems: ['incident'] },
  maintenance: {
    word: 'Mentenanță programată',
    stems: ['mentenanț'],
    avoid: ['întreținer', 'mentenanţ'],
    note: 'Spelled with ț (comma below), never ţ (cedilla).',
  },
  component: { word: 'Componentă', stems: ['component'] },
  operational: {
    word: 'Operațional',
    stems: ['operațional'],
    avoid: ['funcțional(?!\\p{L})', 'funcționale'],
  },
  degradedPerformance: {
    word: 'Performanță degradată',
    stems: ['performanț\\p{L}* degradat'],
    avoid: ['performanț\\p{L}* redus', 'performanț\\p{L}* scăzut'],
  },
  partialOutage: {
    word: 'Întrerupere parțială',
    stems: ['întreruper\\p{L}* parțial'],
    avoid: ['indisponibilitate parțială', 'căder\\p{L}* parțial', 'pan\\p{L}* parțial'],
  },
  majorOutage: {
    word: 'Întrerupere majoră',
    stems: ['întreruper\\p{L}* major'],
    avoid: ['întreruper\\p{L}* grav', 'întreruper\\p{L}* total', 'căder\\p{L}* total', 'pan\\p{L}* majoră'],
  },
  underMaintenance: { word: 'În mentenanță', stems: ['în mentenanț'] },

  investigating: { word: 'În investigare' },
  identified: { word: 'Identificat' },
  monitoring: { word: 'În monitorizare' },
  resolved: { word: 'Rezolvat', stems: ['rezolv'], avoid: ['soluționat'] },
  postmortem: { word: 'Analiză post-incident' },

  scheduled: { word: 'Programată', stems: ['programat'] },
  inProgress: { word: 'În desfășurare' },
  verifying: { word: 'În verificare' },
  completed: { word: 'Finalizată', stems: ['finalizat'] },

  subscribe: { word: 'Abonați-vă', stems: ['abon'], avoid: ['subscri', 'înscrieți-vă'] },
  unsubscribe: {
    word: 'Dezabonare',
    stems: ['dezabon'],
    avoid: ['anulați abonamentul', 'renunțați la abonament'],
  },
  subscription: { word: 'Abonament', stems: ['abonament'], avoid: ['subscripți'] },

  report: {
    word: 'Raport',
    stems: ['raport', 'rapoart'],
    avoid: ['sesizar'],
    note: 'The noun is «raport», the verb «a raporta».',
  },
  ticket: { word: 'Tichet', stems: ['tichet'], avoid: ['ticket'] },
  helpDesk: {
    word: 'Helpdesk',
    stems: ['helpdesk'],
    avoid: ['help desk', 'help-desk', 'birou de asistență'],
  },
  support: {
    word: 'Echipa de suport',
    stems: ['suport'],
    avoid: ['asistenț\\p{L}* tehnic', 'echipa de asistență'],
  },
  statusPage: {
    word: 'Pagina de status',
    stems: ['pagin\\p{L}* de status'],
    avoid: ['pagin\\p{L}* de stare', 'pagin\\p{L}* de stat(?!\\p{L})'],
  },

  question: { word: 'Întrebare' },
  broken: { word: 'Ceva nu funcționează' },
  feature: { word: 'Idee de funcționalitate nouă' },

  priorityLow: { word: 'Scăzută' },
  priorityNormal: { word: 'Normală', stems: ['normal'], avoid: ['prioritat\\p{L}* medi'] },
  priorityHigh: { word: 'Ridicată', avoid: ['prioritat\\p{L}* înalt'] },
  priorityImmediate: { word: 'Imediată', avoid: ['prioritat\\p{L}* urgent'] },
  priorityLowDefinition: {
    word: 'O problemă minoră sau doar estetică; poate aștepta lucrările planificate.',
  },
  priorityNormalDefinition: {
    word: 'Ceva nu funcționează corect, dar există o soluție alternativă sau sunt afectate puține persoane. Se planifică în funcție de impact.',
  },
  priorityHighDefinition: {
    word: 'O sarcină importantă a echipei dumneavoastră este blocată și nu există o soluție alternativă, dar clienții pot în continuare să comande și să plătească.',
  },
  priorityImmediateDefinition: {
    word: 'Doar pentru urgențe: clienții nu pot finaliza o comandă sau nu pot plăti (plata, finalizarea comenzii, adăugarea în coș). Are întâietate față de lucrările planificate.',
  },
  workaround: {
    word: 'Soluție alternativă',
    stems: ['soluți\\p{L}* alternativ'],
    avoid: ['soluți\\p{L}* temporar', 'ocolir', 'workaround'],
  },

  screenshot: {
    word: 'Captură de ecran',
    stems: ['captur'],
    avoid: ['screenshot', 'instantaneu'],
    note: 'Once named, «captură» alone is enough.',
  },
  webhook: { word: 'Webhook', stems: ['webhook'] },
} satisfies Glossary;
