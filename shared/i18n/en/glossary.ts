import type { Glossary } from '../glossary.ts';

/**
 * English glossary: the reference. Its stems decide which messages “say” a term, so every translation
 * of those messages uses the term too (see `../glossary.ts`). The component statuses are Atlassian
 * Statuspage’s, which status page readers know.
 */
export const glossary = {
  incident: { word: 'Incident', stems: ['incident'] },
  maintenance: { word: 'Scheduled maintenance', stems: ['maintenance'] },
  component: { word: 'Component', stems: ['component'] },
  operational: { word: 'Operational', stems: ['operational'] },
  degradedPerformance: { word: 'Degraded performance', stems: ['degraded performance'] },
  partialOutage: { word: 'Partial outage', stems: ['partial (?:system )?outage'] },
  majorOutage: { word: 'Major outage', stems: ['major (?:service )?outage'] },
  underMaintenance: { word: 'Under maintenance', stems: ['under maintenance'] },

  investigating: { word: 'Investigating' },
  identified: { word: 'Identified' },
  monitoring: { word: 'Monitoring' },
  resolved: { word: 'Resolved', stems: ['resolv'] },
  postmortem: { word: 'Postmortem' },

  scheduled: { word: 'Scheduled', stems: ['scheduled'] },
  inProgress: { word: 'In progress' },
  verifying: { word: 'Verifying' },
  completed: { word: 'Completed' },

  subscribe: { word: 'Subscribe', stems: ['subscrib'] },
  unsubscribe: { word: 'Unsubscribe', stems: ['unsubscrib'] },
  subscription: { word: 'Subscription', stems: ['subscription'] },

  report: { word: 'Report', stems: ['report'] },
  ticket: { word: 'Ticket', stems: ['ticket'] },
  helpDesk: {
    word: 'Help desk',
    stems: ['help[ -]desk'],
    avoid: ['helpdesk', 'service desk'],
    note: 'Two words; hyphenated only before a noun (help-desk reference).',
  },
  support: { word: 'Support', stems: ['support'] },
  statusPage: { word: 'Status page', stems: ['status[ -]page'] },

  question: { word: 'Question' },
  broken: { word: 'Something is broken' },
  feature: { word: 'Feature idea', avoid: ['feature request'] },

  priorityLow: { word: 'Low', matchCase: true },
  priorityNormal: { word: 'Normal', matchCase: true },
  priorityHigh: { word: 'High', matchCase: true },
  priorityImmediate: { word: 'Immediate', matchCase: true, avoid: ['urgent priority'] },
  priorityLowDefinition: { word: 'Cosmetic or minor; it can wait for planned work.' },
  priorityNormalDefinition: {
    word: 'Something works wrongly, but there is a workaround or few people are affected. Planned by its impact.',
  },
  priorityHighDefinition: {
    word: 'An important task is blocked for your team and there is no workaround, but customers can still order and pay.',
  },
  priorityImmediateDefinition: {
    word: 'Emergencies only: customers cannot complete an order or pay (payment, finishing an order, adding to the cart). Interrupts planned work.',
  },
  workaround: { word: 'Workaround', stems: ['workaround'] },

  screenshot: { word: 'Screenshot', stems: ['screenshot'], avoid: ['screen shot'] },
  webhook: { word: 'Webhook', stems: ['webhook'] },
} satisfies Glossary;
