import type { MessageKey } from './catalogue.ts';

/**
 * The product's terms, one glossary per language (`<tag>/glossary.ts`). Translators write with it and
 * reviewers check against it: each locale gives every term one approved word (as a label shows it), the
 * forms of it that count as the same term in running text, and the words that must not stand for it.
 * `test/unit/glossary.test.ts` holds the catalogues to it:
 *
 * - a term's `labels` are messages that are nothing but the term: each locale's text equals its word;
 * - wherever the English message uses a term (its English `stems` match), the translation uses the
 *   locale's `stems` too, unless the test lists the message as an exception with its reason;
 * - no message of any surface uses a word from a locale's `avoid` list.
 *
 * A term here without a word in some locale fails to compile (`satisfies Glossary` in each file).
 */
export const TERMS = {
  incident: {
    gloss: 'An unplanned disruption of one or more components, posted on the status page with its updates.',
  },
  maintenance: {
    gloss: 'Scheduled maintenance: planned work on components, announced with a time window.',
  },
  component: {
    gloss:
      'A part of the service whose status the page shows (website, API, checkout…), alone or in a group.',
  },
  operational: {
    gloss: 'Component status: working normally.',
    labels: ['component.status.operational'],
  },
  degradedPerformance: {
    gloss: 'Component status: working, but slow or impaired in a minor way.',
    labels: ['component.status.degraded_performance'],
  },
  partialOutage: {
    gloss: 'Component status: broken for some of its users, working for the rest.',
    labels: ['component.status.partial_outage'],
  },
  majorOutage: {
    gloss: 'Component status: unavailable to everyone.',
    labels: ['component.status.major_outage'],
  },
  underMaintenance: {
    gloss: 'Component status: being worked on during a maintenance.',
    labels: ['component.status.under_maintenance'],
  },

  investigating: {
    gloss: 'Incident status: the cause is being looked for.',
    labels: ['incident.status.investigating'],
  },
  identified: { gloss: 'Incident status: the cause is known.', labels: ['incident.status.identified'] },
  monitoring: {
    gloss: 'Incident status: a fix is in, its effect is watched.',
    labels: ['incident.status.monitoring'],
  },
  resolved: { gloss: 'Incident status: over.', labels: ['incident.status.resolved'] },
  postmortem: {
    gloss: 'Incident status: an analysis after the incident is posted.',
    labels: ['incident.status.postmortem'],
  },

  scheduled: {
    gloss: 'Maintenance status: announced, not started.',
    labels: ['maintenance.status.scheduled'],
  },
  inProgress: { gloss: 'Maintenance status: under way.', labels: ['maintenance.status.in_progress'] },
  verifying: { gloss: 'Maintenance status: done, being checked.', labels: ['maintenance.status.verifying'] },
  completed: { gloss: 'Maintenance status: finished.', labels: ['maintenance.status.completed'] },

  subscribe: { gloss: 'To ask for updates from the status page (by mail, webhook or Slack).' },
  unsubscribe: { gloss: 'To stop receiving them.' },
  subscription: { gloss: 'A standing request for updates, with its address and choice of components.' },

  report: {
    gloss:
      'The customer’s problem report, sent from the browser extension (noun), and sending one (verb). Not a ticket.',
  },
  ticket: {
    gloss: 'The help desk’s own record of a report once forwarded to it, with the help desk’s reference.',
  },
  helpDesk: {
    gloss: 'The support team’s ticket system (Redmine, e-mail, webhook) that reports are forwarded to.',
  },
  support: { gloss: 'The support team: the people who read the reports and answer the customer.' },
  statusPage: { gloss: 'The public page that shows the components’ status, incidents and maintenance.' },

  question: {
    gloss: 'Request type: the customer needs help or has a question.',
    labels: ['report.type.question', 'console.type.question'],
    labelsOnly: true,
  },
  broken: {
    gloss: 'Request type: a function does not work (as documented, or as before).',
    labels: ['report.type.broken', 'console.type.bug'],
    labelsOnly: true,
  },
  feature: {
    gloss: 'Request type: an idea for something new.',
    labels: ['report.type.feature', 'console.type.feature'],
    labelsOnly: true,
  },

  priorityLow: {
    gloss: 'Priority: cosmetic or minor.',
    labels: ['report.priority.low', 'console.priority.low'],
  },
  priorityNormal: {
    gloss: 'Priority: wrong, but with a workaround or few people affected.',
    labels: ['report.priority.normal', 'console.priority.normal'],
  },
  priorityHigh: {
    gloss: 'Priority: an important task is blocked without a workaround.',
    labels: ['report.priority.high', 'console.priority.high'],
  },
  priorityImmediate: {
    gloss: 'Priority: customers cannot order or pay; emergencies only.',
    labels: ['report.priority.immediate', 'console.priority.immediate'],
  },
  priorityLowDefinition: {
    gloss: 'The form’s definition of Low, shown beside the level: the approved wording itself.',
    labels: ['report.priority.low.definition'],
    labelsOnly: true,
  },
  priorityNormalDefinition: {
    gloss: 'The form’s definition of Normal.',
    labels: ['report.priority.normal.definition'],
    labelsOnly: true,
  },
  priorityHighDefinition: {
    gloss: 'The form’s definition of High.',
    labels: ['report.priority.high.definition'],
    labelsOnly: true,
  },
  priorityImmediateDefinition: {
    gloss: 'The form’s definition of Immediate.',
    labels: ['report.priority.immediate.definition'],
    labelsOnly: true,
  },
  workaround: {
    gloss: 'Another way to get the task done while the problem lasts (it decides between Normal and High).',
  },

  screenshot: { gloss: 'An image of the page attached to a report, captured by the extension or uploaded.' },
  webhook: {
    gloss:
      'An HTTP address that receives the status page’s notices, or the help-desk connector of that kind.',
  },
} as const satisfies Record<string, TermDefinition>;

export interface TermDefinition {
  /** What the term means in Snapdesk, for translators. */
  readonly gloss: string;
  /** Messages that are the term and nothing else: in every locale they equal its `word`. */
  readonly labels?: readonly MessageKey[];
  /** Only its labels are checked: the English word is also ordinary English elsewhere. */
  readonly labelsOnly?: boolean;
}

export type TermId = keyof typeof TERMS;

/** One term in one language. */
export interface LocaleTerm {
  /** The approved word, in its base form and capitalised as a label shows it. */
  readonly word: string;
  /**
   * The forms that count as this term in running text: regular-expression sources matched at the
   * start of a word, case-insensitively (`\p{L}*` stands for any ending). Default: the word itself.
   */
  readonly stems?: readonly string[];
  /** Words that must not be used for it anywhere (same kind of stems): the alternatives once found. */
  readonly avoid?: readonly string[];
  /** Stems match only with this capitalisation (English priority names, which are also plain words). */
  readonly matchCase?: boolean;
  /** Why this word, or how to use it; for the next translator. */
  readonly note?: string;
}

/** A locale's glossary: a word for every term. */
export type Glossary = { readonly [T in TermId]: LocaleTerm };

/** The stems a locale uses for a term, as one pattern that finds them at the start of words. */
export function termPattern(term: LocaleTerm): RegExp {
  return stemsPattern(term.stems ?? [escapeRegExp(term.word)], term.matchCase);
}

/** The words a locale must not use for a term, as one pattern, or undefined when it lists none. */
export function avoidPattern(term: LocaleTerm): RegExp | undefined {
  return term.avoid?.length ? stemsPattern(term.avoid, false) : undefined;
}

function stemsPattern(stems: readonly string[], matchCase = false): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join('|')})\\p{L}*`, matchCase ? 'gu' : 'giu');
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
