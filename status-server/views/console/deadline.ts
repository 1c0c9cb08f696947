import { icon } from '../icons.ts';
import { type Html, html } from '../markup.ts';
import type { ConsoleContext, ConsoleTranslator } from './context.ts';

/** 002: "half an hour before the deadline a ticket turns yellow, when it is overdue it turns red". */
export const SOON_MS = 30 * 60_000;

export type Urgency = 'late' | 'soon' | 'later';

export function urgency(deadline: Date, now: Date): Urgency {
  const left = deadline.getTime() - now.getTime();
  return left < 0 ? 'late' : left <= SOON_MS ? 'soon' : 'later';
}

/** "25 min", "2 h", "3 d": rounded up below an hour (never "0 min"), down above it. */
export function durationText(ms: number, t: ConsoleTranslator): string {
  const minutes = Math.max(1, Math.ceil(Math.abs(ms) / 60_000));
  if (minutes < 60) return t('console.duration.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('console.duration.hours', { n: hours });
  return t('console.duration.days', { n: Math.floor(hours / 24) });
}

/**
 * The response deadline in words ("due in 25 min", "overdue by 2 h") with colour and icon on top, so
 * the colour is never the only sign; the exact time is in the `<time>` element.
 */
export function deadlineTag(iso: string | null, ctx: ConsoleContext): Html {
  if (!iso) return html`<span class="meta">${ctx.t('console.deadline.none')}</span>`;
  const deadline = new Date(iso);
  const level = urgency(deadline, ctx.now);
  const left = deadline.getTime() - ctx.now.getTime();
  const words =
    level === 'late'
      ? ctx.t('console.deadline.overdue', { duration: durationText(left, ctx.t) })
      : ctx.t('console.deadline.dueIn', { duration: durationText(left, ctx.t) });
  const mark = level === 'late' ? icon('critical') : level === 'soon' ? icon('minor') : '';
  return html`<span class="due ${level}">${mark}<time datetime="${deadline.toISOString()}">${words}</time></span>`;
}
