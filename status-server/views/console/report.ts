import { captureMethod, type Report } from '../../../shared/schemas/report.ts';
import { safeFileName } from '../../domain/file-names.ts';
import { supportStates } from '../../domain/request-lifecycle.ts';
import type { ForwardingStatus } from '../../reports/forwarding.ts';
import type { RequestEvent, RequestEventFile, RequestRecord } from '../../requests/store.ts';
import type { AttachmentRow, StoredReport } from '../../store/reports.ts';
import { timeTag } from '../format.ts';
import { type Html, html } from '../markup.ts';
import type { ConsoleContext, ConsoleKey } from './context.ts';
import { deadlineTag } from './deadline.ts';
import { csrfField, errorSummary, type FormState, labelsFrom, selectField, textArea } from './form.ts';
import { renderConsole } from './layout.ts';
import { consoleIncidentHref, priorityText, reportHref, stateBadge } from './report-table.ts';

export interface ReportView {
  stored: StoredReport;
  incident: { id: string; name: string } | undefined;
  forwarding: ForwardingStatus[];
  /** Shown once after "Retry now". */
  retried: boolean;
  /** The request's progress at the help desk, and the form that moves it on. */
  request: RequestRecord;
  requestForm: FormState;
}

type Fact = [ConsoleKey, Html | string | number | undefined | null];

/** A definition list of the facts that have a value; long text keeps its line breaks. */
function facts(list: Fact[], ctx: ConsoleContext): Html {
  const shown = list.filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (!shown.length) return html`<p class="empty">${ctx.t('console.none')}</p>`;
  return html`<dl class="facts">${shown.map(([key, value]) =>
    typeof value === 'string' && value.includes('\n')
      ? html`<dt>${ctx.t(key)}</dt><dd><p class="text">${value}</p></dd>`
      : html`<dt>${ctx.t(key)}</dt><dd>${value}</dd>`,
  )}</dl>`;
}

/** The page address as text, linked only when it is a web address (a `javascript:` URL stays text). */
function pageUrl(url: string): Html {
  return /^https?:\/\//i.test(url)
    ? html`<a class="mono" href="${url}" rel="noreferrer noopener">${url}</a>`
    : html`<span class="mono">${url}</span>`;
}

function impactText(r: Report, ctx: ConsoleContext): string | undefined {
  const i = r.impact;
  if (!i) return undefined;
  const counts = [
    i.people === undefined ? '' : ctx.t('console.report.people', { n: i.people }),
    i.orders === undefined ? '' : ctx.t('console.report.orders', { n: i.orders }),
    i.branches === undefined ? '' : ctx.t('console.report.branches', { n: i.branches }),
    i.blocking && i.blocking !== 'none' ? ctx.t(`console.report.blocking.${i.blocking}`) : '',
  ].filter(Boolean);
  return [i.text ?? '', counts.join(' · ')].filter(Boolean).join('\n') || undefined;
}

/** "Full page (stitched)", or "Full page (stitched) 2/3" for a part of a page cut for its height. */
function methodText(what: string, a: AttachmentRow, ctx: ConsoleContext): string {
  return a.page_part ? ctx.t('console.report.part', { what, ...a.page_part }) : what;
}

function attachment(reference: string, a: AttachmentRow, ctx: ConsoleContext): Html {
  const src = `${reportHref(reference)}/attachments/${a.position}`;
  // As the download names it: a name stored before intake made names safe may hold a bidi override.
  const name = safeFileName(a.name, a.content_type);
  const method = captureMethod.safeParse(a.method);
  const details = [
    method.success
      ? methodText(ctx.t(`console.method.${method.data}`), a, ctx)
      : ctx.t(`console.kind.${a.kind}`),
    a.width && a.height ? `${a.width} × ${a.height}` : '',
    ctx.t('console.report.kilobytes', { n: Math.ceil(a.size / 1024) }),
    a.truncated ? ctx.t('console.report.truncated') : '',
  ].filter(Boolean);
  if (!a.content_type.startsWith('image/')) {
    return html`<li><figure><figcaption><a href="${src}">${name}</a> · ${details.join(' · ')}</figcaption></figure></li>`;
  }
  // The image links to itself, for a tall full-page capture at full size.
  return html`<li><figure><a href="${src}"><img src="${src}" alt="${ctx.t('console.report.imageAlt', { name, position: a.position + 1 })}"${a.width ? html` width="${a.width}" height="${a.height ?? ''}"` : ''} loading="lazy"></a><figcaption>${name} · ${details.join(' · ')}</figcaption></figure></li>`;
}

function consoleEntries(r: Report, ctx: ConsoleContext): Html {
  const { t } = ctx;
  if (!r.console.length) return html`<p class="empty">${t('console.report.noConsole')}</p>`;
  return html`<div class="scroll"><table class="list"><thead><tr><th scope="col">${t('console.report.entryKind')}</th><th scope="col">${t('console.report.entryMessage')}</th><th scope="col">${t('console.report.entrySource')}</th><th scope="col">${t('console.report.entryAt')}</th></tr></thead>
<tbody>${r.console.map(
    (e) =>
      html`<tr><td>${t(`console.entry.${e.kind}`)}</td><td class="mono">${e.message}</td><td class="mono">${[e.method, e.status, e.source].filter((x) => x !== undefined).join(' ')}</td><td class="nowrap">${timeTag(e.at, ctx)}</td></tr>`,
  )}</tbody></table></div>`;
}

function forwarding(v: ReportView, ctx: ConsoleContext): Html {
  const { t } = ctx;
  if (!v.forwarding.length) return html`<p class="empty">${t('console.report.noForwarding')}</p>`;
  const retryable = v.forwarding.some((f) => f.state === 'failed' || f.state === 'pending');
  return html`<div class="scroll"><table class="list"><thead><tr><th scope="col">${t('console.report.connector')}</th><th scope="col">${t('console.col.state')}</th><th scope="col">${t('console.report.attempts')}</th><th scope="col">${t('console.report.lastError')}</th><th scope="col">${t('console.report.nextTry')}</th><th scope="col">${t('console.report.externalRef')}</th></tr></thead>
<tbody>${v.forwarding.map(
    (f) =>
      html`<tr><td>${f.connector ? t(`console.connector.${f.connector}`) : t('console.unknown')}</td><td><span class="pill ${f.state}">${t(`console.job.${f.state}`)}</span></td><td>${t('console.report.attemptsOf', { n: f.attempts, max: f.max_attempts })}</td><td class="mono">${f.last_error ?? ''}</td><td>${f.next_try_at ? timeTag(f.next_try_at, ctx) : ''}</td><td>${f.external_ref ?? ''}</td></tr>`,
  )}</tbody></table></div>
${retryable ? html`<form method="post" action="${reportHref(v.stored.row.reference)}/retry">${csrfField(ctx)}<button type="submit">${t('console.report.retry')}</button></form>` : ''}`;
}

/** An answer's images, each linking to itself at full size, behind the console's login. */
function answerImages(reference: string, files: RequestEventFile[], ctx: ConsoleContext): Html {
  if (!files.length) return html``;
  return html`<ul class="gallery">${files.map((f) => {
    const src = `${reportHref(reference)}/events/${f.event_id}/files/${f.position}`;
    const details = ctx.t('console.report.kilobytes', { n: Math.ceil(f.size / 1024) });
    return html`<li><figure><a href="${src}"><img src="${src}" alt="${ctx.t('console.report.imageAlt', { name: f.name, position: f.position + 1 })}" loading="lazy"></a><figcaption>${f.name} · ${details}</figcaption></figure></li>`;
  })}</ul>`;
}

function requestEvent(
  e: RequestEvent,
  files: RequestEventFile[],
  reference: string,
  ctx: ConsoleContext,
): Html {
  const { t } = ctx;
  const what =
    e.kind === 'state' && e.from_state && e.to_state
      ? t('console.request.moved', {
          from: t(`console.requestState.${e.from_state}`),
          to: t(`console.requestState.${e.to_state}`),
        })
      : t(e.kind === 'answer' ? 'console.request.answer' : 'console.request.comment');
  const body =
    e.body === null
      ? ''
      : e.kind === 'state'
        ? html`<p class="text">${t('console.request.reason', { reason: e.body })}</p>`
        : html`<p class="text">${e.body}</p>`;
  return html`<li><p><strong>${what}</strong> · ${timeTag(e.at, ctx)} · <span class="meta">${t('console.request.by', { source: t(`console.request.source.${e.source}`) })}</span></p>${body}${answerImages(
    reference,
    files.filter((f) => f.event_id === e.id),
    ctx,
  )}</li>`;
}

/** The request's state and history, and the one form with which support sets its state and replies. */
function request(v: ReportView, ctx: ConsoleContext): Html {
  const { t } = ctx;
  const r = v.request;
  const labelOf = labelsFrom({ state: 'console.request.setState', reply: 'console.request.comment' }, ctx);
  return html`<h2 id="request">${t('console.request.heading')}</h2>
${facts(
  [
    ['console.request.current', html`<span class="pill">${t(`console.requestState.${r.state}`)}</span>`],
    ['console.request.changed', timeTag(r.state_changed_at, ctx)],
  ],
  ctx,
)}
<h3>${t('console.request.history')}</h3>
${r.events.length ? html`<ol class="history">${r.events.map((e) => requestEvent(e, r.files, v.stored.row.reference, ctx))}</ol>` : html`<p class="empty">${t('console.request.noHistory')}</p>`}
<form method="post" action="${reportHref(v.stored.row.reference)}/request" novalidate>${csrfField(ctx)}
${errorSummary(v.requestForm, labelOf, ctx)}
${selectField({
  name: 'state',
  label: t('console.request.setState'),
  form: v.requestForm,
  choices: [
    { value: '', label: t('console.request.keep', { state: t(`console.requestState.${r.state}`) }) },
    ...supportStates
      .filter((s) => s !== r.state)
      .map((s) => ({ value: s, label: t(`console.requestState.${s}`) })),
  ],
})}
${textArea({ name: 'reply', label: t('console.request.comment'), hint: t('console.request.replyHint'), form: v.requestForm })}
<button type="submit">${t('console.request.save')}</button></form>`;
}

/** One report with everything the reporter sent, its images, and where it has been forwarded. */
export function renderReport(v: ReportView, ctx: ConsoleContext): string {
  const { t } = ctx;
  const { row, report: r, attachments } = v.stored;
  const env = r.environment;
  const incident = v.incident
    ? html`<a href="${consoleIncidentHref(v.incident.id)}">${v.incident.name}</a> (${t(row.incident_link === 'reporter' ? 'console.report.linkReporter' : 'console.report.linkMatch')})`
    : undefined;
  const body = html`<p class="meta"><a href="/console">${t('console.report.back')}</a></p>
<h1>${row.reference}: ${row.title}</h1>
${v.retried ? html`<div class="box tone-none" role="status"><p>${t('console.report.retried')}</p></div>` : ''}
${facts(
  [
    ['console.col.state', stateBadge(row.state, ctx)],
    ['console.col.deadline', deadlineTag(row.deadline_at, ctx)],
    ['console.col.type', t(`console.type.${row.type}`)],
    ['console.col.priority', priorityText(row.priority, ctx)],
    ['console.col.received', timeTag(row.received_at, ctx)],
    ['console.col.incident', incident],
    ['console.report.externalRef', row.external_ref],
  ],
  ctx,
)}
${request(v, ctx)}
<h2>${t('console.report.details')}</h2>
${facts(
  [
    ['console.report.description', r.description],
    ['console.report.steps', r.steps],
    ['console.report.expected', r.expected],
    ['console.report.actual', r.actual],
    ['console.report.before', r.before],
    ['console.report.impact', impactText(r, ctx)],
    ['console.report.examplesWorking', r.examples_working],
    ['console.report.examplesFailing', r.examples_failing],
    ['console.report.tried', r.tried],
    ['console.report.account', r.account],
    ['console.report.shareWith', r.share_with],
    ['console.report.country', r.country && countryName(r.country, ctx.locale)],
    ['console.report.contact', r.contact_email],
  ],
  ctx,
)}
<h2>${t('console.report.images')}</h2>
${attachments.length ? html`<ul class="gallery">${attachments.map((a) => attachment(row.reference, a, ctx))}</ul>` : html`<p class="empty">${t('console.report.noImages')}</p>`}
<h2>${t('console.report.environment')}</h2>
${facts(
  [
    ['console.report.url', pageUrl(env.url)],
    ['console.report.pageTitle', env.title],
    ['console.report.capturedAt', html`${timeTag(env.captured_at, ctx)} (${env.time_zone})`],
    ['console.report.browser', `${env.browser} ${env.browser_version}`],
    ['console.report.os', env.os],
    ['console.report.viewport', `${env.viewport.width} × ${env.viewport.height}`],
    ['console.report.screen', `${env.screen.width} × ${env.screen.height} @ ${env.device_pixel_ratio}x`],
    ['console.report.language', env.language],
    ['console.report.extension', env.extension_version],
  ],
  ctx,
)}
<h2>${t('console.report.console')}</h2>
${consoleEntries(r, ctx)}
<h2>${t('console.report.forwarding')}</h2>
${forwarding(v, ctx)}`;
  return renderConsole({ title: `${row.reference}: ${row.title}`, section: 'inbox', body }, ctx);
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country code as the reader says the country's name, with the code: "Germany (DE)", "Германия (DE)". */
function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    // Not a region code Intl knows the shape of: show what the reporter sent.
  }
  return name ? `${name} (${code})` : code;
}
