import type { FormKey } from './i18n/catalogue.ts';
import { type BlockingImpact, blockingImpact, type Priority, priority } from './schemas/report.ts';

/**
 * Priority of a "Something is broken" report. Seed 000: Immediate is only for problems that stop
 * customers from completing an order or paying; when 90% of tickets are High, none is ("the boy who
 * cried wolf"). The form shows each level's definition and gently questions a High or Immediate that
 * nothing backs up.
 */
export const PRIORITY_LEVELS = priority.options;
export type PriorityLevel = Priority;

/** What the problem stops, as the person answers "What does it stop?" on the form. */
export const BLOCKING_IMPACTS = blockingImpact.options;
export type { BlockingImpact };

interface PriorityText {
  label: FormKey;
  definition: FormKey;
}

/** Name and definition of every level, shown together so the choice is made against the definition. */
export const PRIORITY_TEXT: Record<PriorityLevel, PriorityText> = {
  low: { label: 'report.priority.low', definition: 'report.priority.low.definition' },
  normal: { label: 'report.priority.normal', definition: 'report.priority.normal.definition' },
  high: { label: 'report.priority.high', definition: 'report.priority.high.definition' },
  immediate: { label: 'report.priority.immediate', definition: 'report.priority.immediate.definition' },
};

/** Labels of the answers to "What does it stop?". */
export const BLOCKING_TEXT: Record<BlockingImpact, FormKey> = {
  ordering: 'report.blocking.ordering',
  work: 'report.blocking.work',
  none: 'report.blocking.none',
};

export interface PriorityAdvice {
  code: 'immediateWithoutOrdering' | 'highWithoutBlocking' | 'orderingNotImmediate';
  /** `warning` questions the chosen level; `suggestion` offers a higher one. Neither blocks sending. */
  level: 'warning' | 'suggestion';
  message: FormKey;
  /** The level that matches what the person said the problem stops. */
  suggested: PriorityLevel;
}

/**
 * Advice for the chosen priority given what the problem stops (undefined while unanswered, which
 * backs up nothing). Null when the two agree.
 */
export function advisePriority(
  priority: PriorityLevel,
  blocking: BlockingImpact | undefined,
): PriorityAdvice | null {
  if (priority === 'immediate' && blocking !== 'ordering') {
    return {
      code: 'immediateWithoutOrdering',
      level: 'warning',
      message: 'report.priority.advice.immediate',
      suggested: blocking === 'work' ? 'high' : 'normal',
    };
  }
  if (priority === 'high' && blocking !== 'work' && blocking !== 'ordering') {
    return {
      code: 'highWithoutBlocking',
      level: 'warning',
      message: 'report.priority.advice.high',
      suggested: 'normal',
    };
  }
  // The opposite mistake: an emergency filed as routine would wait behind planned work.
  if (blocking === 'ordering' && priority !== 'immediate') {
    return {
      code: 'orderingNotImmediate',
      level: 'suggestion',
      message: 'report.priority.advice.ordering',
      suggested: 'immediate',
    };
  }
  return null;
}
