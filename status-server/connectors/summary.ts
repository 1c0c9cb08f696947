import type { BlockingImpact, Priority, RequestType } from '../../shared/schemas/report.ts';
import { safeFileName } from '../domain/file-names.ts';
import type { OutgoingReport } from './outgoing.ts';

/** One line of a fields section; `link` marks values that are URLs, so HTML can make them clickable. */
export interface Row {
  label: string;
  value: string;
  link?: boolean;
}
export type Section =
  | { kind: 'rows'; heading: string; rows: Row[] }
  | { kind: 'text'; heading: string; text: string }
  | { kind: 'list'; heading: string; items: string[] };

const blockingText: Record<BlockingImpact, string> = {
  ordering: 'customers cannot order or pay',
  work: 'people cannot do their work',
  none: 'nothing; it is inconvenient',
};

const typeLabels: Record<RequestType, string> = {
  question: 'Question',
  bug: 'Something is broken',
  feature: 'Feature request',
};
const priorityLabels: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  immediate: 'Immediate (customers cannot order or pay)',
};

/**
 * The report as support reads it, in the order they need it: what and how urgent, who, where, the
 * incident it belongs to, then the reporter's own words and the technical evidence. Every connector
 * that writes prose (e-mail, Redmine) renders this same outline, so tickets look alike whatever the
 * help desk. Empty fields are left out rather than shown blank.
 */
export function summarise(out: Pick<OutgoingReport, 'stored' | 'incident'>): Section[] {
  const { row, report: r, attachments } = out.stored;
  const env = r.environment;
  const rows = (heading: string, list: (Row | false | null | undefined)[]): Section[] => {
    const kept = list.filter((x): x is Row => !!x && x.value !== '');
    return kept.length ? [{ kind: 'rows', heading, rows: kept }] : [];
  };
  const text = (heading: string, value: string | undefined): Section[] =>
    value ? [{ kind: 'text', heading, text: value }] : [];
  const field = (label: string, value: string | number | undefined, link = false): Row | undefined =>
    value === undefined ? undefined : { label, value: String(value), ...(link ? { link } : {}) };

  return [
    ...rows('Report', [
      field('Reference', row.reference),
      field('Type', typeLabels[r.type]),
      field('Priority', r.priority && priorityLabels[r.priority]),
      field('Account', r.account),
      field('Share with', r.share_with),
      field('Country', r.country),
      field('Contact e-mail', r.contact_email),
      field('Received', utc(row.received_at)),
    ]),
    ...rows('Page', [
      field('URL', env.url, true),
      field('Page title', env.title),
      // The stored time, not the reporter's: the intake corrects a browser clock running ahead.
      field('Captured', utc(row.captured_at)),
    ]),
    ...rows('Environment', [
      field('Browser', `${env.browser} ${env.browser_version}`.trim()),
      field('Operating system', env.os),
      field('Viewport', `${env.viewport.width} × ${env.viewport.height}`),
      field('Screen', `${env.screen.width} × ${env.screen.height}`),
      field('Device pixel ratio', env.device_pixel_ratio),
      field('Language', env.language),
      field('Time zone', env.time_zone),
      field('Extension version', env.extension_version),
    ]),
    ...rows('Linked incident', [
      out.incident && field('Incident', out.incident.name),
      out.incident && field('Status', out.incident.status),
      out.incident && field('Link', out.incident.url, true),
    ]),
    ...text('Description', r.description),
    ...text('Steps to reproduce', r.steps),
    ...text('Expected', r.expected),
    ...text('Actual', r.actual),
    ...text('Before (when it last worked)', r.before),
    ...rows('Impact', [
      field('People affected', r.impact?.people),
      field('Orders affected', r.impact?.orders),
      field('Branches affected', r.impact?.branches),
      r.impact?.blocking !== undefined && field('It stops', blockingText[r.impact.blocking]),
      field('In their words', r.impact?.text),
    ]),
    ...text('Examples that work', r.examples_working),
    ...text('Examples that fail', r.examples_failing),
    ...text('Already tried', r.tried),
    ...(r.console.length
      ? [
          {
            kind: 'list' as const,
            heading: 'Console errors and failed requests',
            items: r.console.map((c) =>
              [
                `${utc(c.at)} ${c.kind}${c.status === undefined ? '' : ` ${c.status}`}:`,
                c.method,
                c.message,
                c.source && `(${c.source})`,
              ]
                .filter(Boolean)
                .join(' '),
            ),
          },
        ]
      : []),
    ...(attachments.length
      ? [
          {
            kind: 'list' as const,
            heading: 'Attachments',
            items: attachments.map((a) =>
              [
                safeFileName(a.name, a.content_type),
                `(${[
                  a.content_type,
                  a.width && a.height ? `${a.width} × ${a.height}` : undefined,
                  size(a.size),
                  a.method ? `capture: ${a.method}` : undefined,
                  a.truncated ? 'cut at the capture limit' : undefined,
                ]
                  .filter(Boolean)
                  .join(', ')})`,
              ].join(' '),
            ),
          },
        ]
      : []),
  ];
}

/**
 * Plain text that reads the same raw, as Textile and as Markdown: headings are bare lines, fields are
 * `Label: value`, nothing is indented (four spaces would make a Markdown code block) and no line of
 * ours starts with `#`, `*`, `-`, `|` or `h1.`. Redmine renders single line breaks as breaks.
 */
export function toPlainText(sections: Section[]): string {
  return sections
    .map((s) => {
      const body =
        s.kind === 'rows'
          ? s.rows.map((r) => `${r.label}: ${r.value}`).join('\n')
          : s.kind === 'text'
            ? s.text
            : s.items.join('\n');
      return `${s.heading}\n${body}`;
    })
    .join('\n\n');
}

/** Line breaks and other control characters in a subject would start a new header: make them spaces. */
export function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** ISO times as `2024-05-01 12:00:00 UTC`: unambiguous for a help desk in any time zone. */
function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
