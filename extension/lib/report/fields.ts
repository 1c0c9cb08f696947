import type { FormConfig, FormField } from '../../../shared/schemas/form-config.ts';
import { type AttachmentMeta, blockingImpact, type Report } from '../../../shared/schemas/report.ts';
import { tText } from '../i18n.ts';
import type { Draft, FormValues, ReportFields } from '../store.ts';

type TextTarget =
  | 'title'
  | 'description'
  | 'steps'
  | 'expected'
  | 'actual'
  | 'before'
  | 'examples_working'
  | 'examples_failing'
  | 'tried'
  | 'account'
  | 'share_with'
  | 'country'
  | 'contact_email';

/** Form field ids (the default form's and the report's own names) → the report's text fields. */
const TEXT_TARGETS: Record<string, TextTarget> = {
  title: 'title',
  description: 'description',
  stepsToReproduce: 'steps',
  steps: 'steps',
  expected: 'expected',
  actual: 'actual',
  howBefore: 'before',
  before: 'before',
  workingExamples: 'examples_working',
  failingExamples: 'examples_failing',
  alreadyTried: 'tried',
  tried: 'tried',
  account: 'account',
  shareWith: 'share_with',
  country: 'country',
  contactEmail: 'contact_email',
};
const COUNT_TARGETS: Record<string, 'people' | 'orders' | 'branches'> = {
  impactPeople: 'people',
  impactOrders: 'orders',
  impactBranches: 'branches',
};
const BLOCKING_FIELD = 'blocking';

/** Where a form field lands in the report, as a zod issue path names it. */
export function reportPath(field: FormField): string | undefined {
  if (field.kind === 'title') return 'title';
  if (field.kind === 'priority') return 'priority';
  if (field.kind === 'country') return 'country';
  if (field.kind === 'organisation') return 'share_with';
  if (field.id === BLOCKING_FIELD) return 'impact.blocking';
  const count = COUNT_TARGETS[field.id];
  if (count) return `impact.${count}`;
  return TEXT_TARGETS[field.id];
}

/** A new draft's answers: account, country and contact e-mail as the organisation or person set them. */
export function prefilledForm(
  config: FormConfig,
  settings: { account?: string; country?: string; contactEmail?: string },
): FormValues {
  const from: Record<string, string | undefined> = {
    account: settings.account,
    country: settings.country,
    contact_email: settings.contactEmail,
  };
  const form: FormValues = {};
  for (const field of config.fields) {
    const value = from[reportPath(field) ?? ''];
    if (value) form[field.id] = value;
  }
  return form;
}

/** The request type a draft is filed under: its own, else the form's first. */
export function requestTypeOf(draft: Pick<Draft, 'requestType'>, config: FormConfig): string {
  return draft.requestType ?? config.requestTypes[0]?.id ?? 'question';
}

/** The report's three types; a server's own request types are filed as questions. */
export function reportTypeOf(requestType: string): Report['type'] {
  return requestType === 'bug' || requestType === 'feature' ? requestType : 'question';
}

export function visibleFields(config: FormConfig, requestType: string): FormField[] {
  return config.fields.filter((f) => f.types.includes(requestType));
}

export function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A whole number as typed ("1 200", "1,200"); anything else is kept for validation to name. */
export function parseCount(value: string): number {
  const digits = value.replace(/[\s,.'_]/g, '');
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * The answers of the chosen request type as report fields. Fields of other types stay in the draft
 * but are not sent; priority only goes with "Something is broken"; answers the report has no field
 * for (a feature's goal, a server's own fields) are added to the description under their label.
 */
export function reportFields(
  config: FormConfig,
  requestType: string,
  form: FormValues,
  incidentId?: string,
): Partial<ReportFields> {
  const type = reportTypeOf(requestType);
  const fields: Partial<ReportFields> = { type };
  const impact: NonNullable<ReportFields['impact']> = {};
  const extras: string[] = [];
  for (const field of visibleFields(config, requestType)) {
    const value = clean(form[field.id]);
    if (value === undefined) continue;
    const path = reportPath(field);
    if (field.kind === 'priority') {
      if (type === 'bug') fields.priority = value as Report['priority'];
    } else if (path === 'impact.blocking') {
      const answer = blockingImpact.safeParse(value);
      if (answer.success) impact.blocking = answer.data;
    } else if (path?.startsWith('impact.')) {
      impact[COUNT_TARGETS[field.id] as 'people'] = parseCount(value);
    } else if (path) {
      fields[path as TextTarget] = value;
    } else {
      const shown = field.kind === 'select' ? optionLabel(field, value) : value;
      extras.push(`${tText(field.label)}:\n${shown}`);
    }
  }
  if (extras.length) fields.description = [fields.description, ...extras].filter(Boolean).join('\n\n');
  if (Object.keys(impact).length) fields.impact = impact;
  if (incidentId) fields.incident_id = incidentId;
  return fields;
}

function optionLabel(field: FormField, value: string): string {
  const option = field.options?.find((o) => o.value === value);
  return option ? tText(option.label) : value;
}

/** The report exactly as it would be sent, before the shared schema has had its say. */
export function reportInput(
  draft: Draft,
  config: FormConfig,
  attachments: AttachmentMeta[],
  clientId?: string,
): Record<string, unknown> {
  const fields = reportFields(config, requestTypeOf(draft, config), draft.form ?? {}, draft.incidentId);
  return {
    ...fields,
    // The opt-in shows only beside a contact e-mail, and goes only with one.
    ...(draft.notifyByEmail && fields.contact_email ? { notify_by_email: true } : {}),
    environment: draft.environment,
    console: draft.console,
    attachments,
    ...(clientId ? { client_id: clientId } : {}),
  };
}

/** The e-mail a draft gives to reach the person at, if the form has such a field and it is filled. */
export function contactEmailOf(
  config: FormConfig,
  requestType: string,
  form: FormValues,
): string | undefined {
  const field = visibleFields(config, requestType).find((f) => reportPath(f) === 'contact_email');
  return field ? clean(form[field.id]) : undefined;
}
