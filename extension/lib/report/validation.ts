import type { z } from 'zod';
import { inMegabytes, LIMITS } from '../../../shared/limits.ts';
import { PRIORITY_LEVELS } from '../../../shared/priority.ts';
import type { FormConfig } from '../../../shared/schemas/form-config.ts';
import { type AttachmentMeta, type Report, report } from '../../../shared/schemas/report.ts';
import { checkTitle } from '../../../shared/title-rules.ts';
import { t } from '../i18n.ts';
import type { Draft } from '../store.ts';
import { attachmentParts, outgoingOf, type Part } from './attachments.ts';
import {
  clean,
  parseCount,
  reportInput,
  reportPath,
  reportTypeOf,
  requestTypeOf,
  visibleFields,
} from './fields.ts';

/** A problem tied to a form field (by its id), or to the report as a whole. */
export interface Checked {
  report?: Report;
  /** Form field id → what is wrong with it. `pageUrl` is the page address itself. */
  fieldErrors: Record<string, string>;
  general: string[];
}

/**
 * Everything that keeps a report from being sent, in the words shown beside each field: the form's
 * required fields and bounds, a title that blocks (empty, all capitals), then the shared schema.
 */
export function checkReport(
  draft: Draft,
  config: FormConfig,
  attachments: AttachmentMeta[],
  clientId?: string,
): Checked {
  const requestType = requestTypeOf(draft, config);
  const form = draft.form ?? {};
  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  const byPath = new Map<string, string>();
  for (const field of visibleFields(config, requestType)) {
    const path = reportPath(field);
    if (path) byPath.set(path, field.id);
    const value = clean(form[field.id]);
    if (value === undefined) {
      // Priority only exists for bugs, whatever a server's form says.
      const needed = field.required && (field.kind !== 'priority' || reportTypeOf(requestType) === 'bug');
      if (needed)
        fieldErrors[field.id] = t(field.kind === 'title' ? 'report.title.empty' : 'report.error.required');
      continue;
    }
    if (field.kind === 'title') {
      const blocking = checkTitle(value).find((h) => h.level === 'block');
      if (blocking) fieldErrors[field.id] = t(blocking.message, blocking.params);
    }
    if (field.kind === 'number') {
      const n = parseCount(value);
      if (!Number.isInteger(n)) fieldErrors[field.id] = t('report.error.wholeNumber');
      else if (field.min !== undefined && n < field.min)
        fieldErrors[field.id] = t('report.error.min', { min: field.min });
      else if (field.max !== undefined && n > field.max)
        fieldErrors[field.id] = t('report.error.max', { max: field.max });
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      fieldErrors[field.id] = t('report.error.maxLength', { max: field.maxLength });
    }
    if (field.kind === 'priority' && !(PRIORITY_LEVELS as readonly string[]).includes(value)) {
      fieldErrors[field.id] = t('report.error.required');
    }
  }
  // What the server takes, checked here so a person hears it before the outbox does.
  if (attachments.length > LIMITS.maxFiles)
    general.push(t('report.error.tooManyFiles', { max: LIMITS.maxFiles }));

  const parsed = report.safeParse(reportInput(draft, config, attachments, clientId));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const fieldId =
        path === 'environment.url' ? 'pageUrl' : (byPath.get(path) ?? byPath.get(path.split('.')[0] ?? ''));
      if (fieldId) fieldErrors[fieldId] ??= inWords(issue);
      else general.push(`${path || t('report.error.report')}: ${inWords(issue)}`);
    }
  }
  const ok = parsed.success && Object.keys(fieldErrors).length === 0 && general.length === 0;
  return { ...(ok ? { report: parsed.data } : {}), fieldErrors, general };
}

/**
 * What the shared schema found, in the person's language: zod's own messages are English, so the
 * kinds a person can meet (an e-mail or address mistyped, text too long) get the catalogue's words,
 * and anything else a general one.
 */
function inWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('report.error.email');
  if (issue.code === 'invalid_format' && issue.format === 'url') return t('report.error.url');
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('report.error.maxLength', { max: Number(issue.maximum) });
  return t('report.error.invalid');
}

/** The draft as it is now, checked with its attachments as they would be described. */
export function checkDraft(draft: Draft, config: FormConfig, clientId?: string): Checked {
  return checkReport(draft, config, attachmentParts(outgoingOf(draft)).meta, clientId);
}

/** Files the server would refuse for their size (the images as flattened), in the words shown. */
export function sizeProblems(parts: readonly Part[]): string[] {
  const problems: string[] = [];
  const tooBig = parts.filter((p) => p.blob.size > LIMITS.maxFileBytes).map((p) => p.name);
  const total = parts.reduce((sum, p) => sum + p.blob.size, 0);
  if (tooBig.length)
    problems.push(
      t('report.error.fileTooBig', { names: tooBig.join(', '), max: inMegabytes(LIMITS.maxFileBytes) }),
    );
  if (total > LIMITS.maxReportBytes)
    problems.push(t('report.error.reportTooBig', { max: inMegabytes(LIMITS.maxReportBytes) }));
  return problems;
}
