import { createTranslator, type MessageKey, type Translator } from '../../shared/i18n/index.ts';
import { type CaptureMethod, captureMethod, type RequestType } from '../../shared/schemas/report.ts';
import { safeFileName } from '../domain/file-names.ts';
import type { AttachmentRow } from '../store/reports.ts';
import { progressLabel } from '../views/labels.ts';
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

/** The form's own words for a request type: what the reporter chose, as the help desk reads it. */
const typeKeys: Record<RequestType, MessageKey> = {
  question: 'report.type.question',
  bug: 'report.type.broken',
  feature: 'report.type.feature',
};

/**
 * The report as support reads it, in the order they need it: what and how urgent, who, where, the
 * incident it belongs to, then the reporter's own words and the technical evidence. Every connector
 * that writes prose (e-mail, Redmine, the webhook's summary) renders this same outline, so tickets
 * look alike whatever the help desk. The labels, and the words for the reporter's choices (type,
 * priority, what it stops), are in the help desk's language (`locale`); everything the reporter typed
 * stays exactly as written. Empty fields are left out rather than shown blank.
 */
export function summarise(out: Pick<OutgoingReport, 'stored' | 'incident'>, locale: string): Section[] {
  const { row, report: r, attachments } = out.stored;
  const t = createTranslator(locale);
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
    ...rows(t('helpdesk.report'), [
      field(t('helpdesk.reference'), row.reference),
      field(t('helpdesk.type'), t(typeKeys[r.type])),
      field(t('helpdesk.priority'), r.priority && priorityText(r.priority, t)),
      field(t('helpdesk.account'), r.account),
      field(t('helpdesk.shareWith'), r.share_with),
      field(t('helpdesk.country'), r.country),
      field(t('helpdesk.contactEmail'), r.contact_email),
      field(t('helpdesk.received'), utc(row.received_at)),
    ]),
    ...rows(t('helpdesk.page'), [
      field(t('helpdesk.url'), env.url, true),
      field(t('helpdesk.pageTitle'), env.title),
      // The stored time, not the reporter's: the intake corrects a browser clock running ahead.
      field(t('helpdesk.captured'), utc(row.captured_at)),
    ]),
    ...rows(t('helpdesk.environment'), [
      field(t('helpdesk.browser'), `${env.browser} ${env.browser_version}`.trim()),
      field(t('helpdesk.os'), env.os),
      field(t('helpdesk.viewport'), `${env.viewport.width} × ${env.viewport.height}`),
      field(t('helpdesk.screen'), `${env.screen.width} × ${env.screen.height}`),
      field(t('helpdesk.pixelRatio'), env.device_pixel_ratio),
      field(t('helpdesk.language'), env.language),
      field(t('helpdesk.timeZone'), env.time_zone),
      field(t('helpdesk.extensionVersion'), env.extension_version),
    ]),
    ...rows(t('helpdesk.linkedIncident'), [
      out.incident && field(t('helpdesk.incident'), out.incident.name),
      out.incident && field(t('helpdesk.incidentStatus'), progressLabel(t, out.incident.status)),
      out.incident && field(t('helpdesk.incidentLink'), out.incident.url, true),
    ]),
    ...text(t('helpdesk.description'), r.description),
    ...text(t('helpdesk.steps'), r.steps),
    ...text(t('helpdesk.expected'), r.expected),
    ...text(t('helpdesk.actual'), r.actual),
    ...text(t('helpdesk.before'), r.before),
    ...rows(t('helpdesk.impact'), [
      field(t('helpdesk.people'), r.impact?.people),
      field(t('helpdesk.orders'), r.impact?.orders),
      field(t('helpdesk.branches'), r.impact?.branches),
      r.impact?.blocking !== undefined &&
        field(t('helpdesk.blocking'), t(`report.blocking.${r.impact.blocking}`)),
      field(t('helpdesk.inTheirWords'), r.impact?.text),
    ]),
    ...text(t('helpdesk.examplesWorking'), r.examples_working),
    ...text(t('helpdesk.examplesFailing'), r.examples_failing),
    ...text(t('helpdesk.tried'), r.tried),
    ...(r.console.length
      ? [
          {
            kind: 'list' as const,
            heading: t('helpdesk.console'),
            items: r.console.map((c) =>
              [
                `${utc(c.at)} ${t(`report.console.kind.${c.kind}`)}${c.status === undefined ? '' : ` ${c.status}`}:`,
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
            heading: t('helpdesk.attachments'),
            items: attachments.map((a) =>
              [
                safeFileName(a.name, a.content_type),
                `(${[
                  a.content_type,
                  a.width && a.height ? `${a.width} × ${a.height}` : undefined,
                  size(a.size, locale),
                  capturedBy(a, t),
                  a.truncated ? t('helpdesk.truncated') : undefined,
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
export function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The form's word for a priority; Immediate says what it is kept for, as the form does. */
function priorityText(p: NonNullable<OutgoingReport['stored']['report']['priority']>, t: Translator): string {
  const level = t(`report.priority.${p}`);
  return p === 'immediate' ? t('helpdesk.priorityImmediate', { level }) : level;
}

/** A file's size the way the help desk's language writes numbers and units ("1,5 kB", "1,5 КБ"). */
function size(bytes: number, locale: string): string {
  if (bytes < 1024) return unitFormat(locale, 'byte').format(bytes);
  if (bytes < 1024 * 1024) return unitFormat(locale, 'kilobyte').format(bytes / 1024);
  return unitFormat(locale, 'megabyte').format(bytes / 1024 / 1024);
}

const unitFormats = new Map<string, Intl.NumberFormat>();

function unitFormat(locale: string, unit: 'byte' | 'kilobyte' | 'megabyte'): Intl.NumberFormat {
  const key = `${locale} ${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      // Short "byte" is spelled out in English; narrow is "75B" there and "75 B" elsewhere.
      unitDisplay: unit === 'byte' ? 'narrow' : 'short',
      minimumFractionDigits: unit === 'byte' ? 0 : 1,
      maximumFractionDigits: unit === 'byte' ? 0 : 1,
    });
    unitFormats.set(key, format);
  }
  return format;
}

/** How a stored image was captured, in the form's words for it ("capture: Whole page 2/3"). */
function capturedBy(a: AttachmentRow, t: Translator): string | undefined {
  const method = captureLabel(a, t);
  return method && t('helpdesk.captureMethod', { method });
}

/**
 * The form's words for how an image was captured: "Whole page", "Whole page 2/3" for a part of a
 * page cut for its height; undefined for an attached file. Help desks that name files get this too.
 */
export function captureLabel(
  a: Pick<AttachmentRow, 'method' | 'page_part'>,
  t: Translator,
): string | undefined {
  const method: CaptureMethod | undefined = captureMethod.safeParse(a.method).data;
  if (!method) return undefined;
  const what = t(`report.series.method.${method}`);
  return a.page_part ? t('report.series.part', { what, ...a.page_part }) : what;
}
