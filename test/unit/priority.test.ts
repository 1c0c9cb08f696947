import { describe, expect, it } from 'vitest';
import { formMessages } from '../../shared/i18n/en/form.ts';
import {
  advisePriority,
  BLOCKING_IMPACTS,
  BLOCKING_TEXT,
  PRIORITY_LEVELS,
  PRIORITY_TEXT,
} from '../../shared/priority.ts';

describe('priority advice', () => {
  it('questions Immediate unless customers cannot order or pay', () => {
    expect(advisePriority('immediate', 'ordering')).toBeNull();
    expect(advisePriority('immediate', 'work')).toMatchObject({
      code: 'immediateWithoutOrdering',
      level: 'warning',
      message: 'report.priority.advice.immediate',
      suggested: 'high',
    });
    expect(advisePriority('immediate', 'none')).toMatchObject({
      code: 'immediateWithoutOrdering',
      suggested: 'normal',
    });
    expect(advisePriority('immediate', undefined)).toMatchObject({
      code: 'immediateWithoutOrdering',
      suggested: 'normal',
    });
  });

  it('questions High when nothing is blocked or the question is unanswered', () => {
    expect(advisePriority('high', 'work')).toBeNull();
    expect(advisePriority('high', 'none')).toMatchObject({
      code: 'highWithoutBlocking',
      level: 'warning',
      message: 'report.priority.advice.high',
      suggested: 'normal',
    });
    expect(advisePriority('high', undefined)).toMatchObject({ code: 'highWithoutBlocking' });
  });

  it('suggests Immediate when orders or payments are blocked but a lower level was chosen', () => {
    for (const level of ['low', 'normal', 'high'] as const) {
      expect(advisePriority(level, 'ordering')).toMatchObject({
        code: 'orderingNotImmediate',
        level: 'suggestion',
        suggested: 'immediate',
      });
    }
  });

  it('leaves Low and Normal alone whatever else was answered', () => {
    for (const level of ['low', 'normal'] as const) {
      for (const blocking of ['work', 'none', undefined] as const)
        expect(advisePriority(level, blocking)).toBeNull();
    }
  });

  it('has a name and a definition in the catalogue for every level and every answer', () => {
    expect(Object.keys(PRIORITY_TEXT)).toEqual([...PRIORITY_LEVELS]);
    for (const level of PRIORITY_LEVELS) {
      expect(formMessages[PRIORITY_TEXT[level].label]).toBeTruthy();
      expect(formMessages[PRIORITY_TEXT[level].definition]).toBeTruthy();
    }
    // Seed 000's definition of an emergency is what the person reads next to Immediate.
    expect(formMessages[PRIORITY_TEXT.immediate.definition]).toMatch(/cannot complete an order or pay/);
    expect(Object.keys(BLOCKING_TEXT)).toEqual([...BLOCKING_IMPACTS]);
    for (const answer of BLOCKING_IMPACTS) expect(formMessages[BLOCKING_TEXT[answer]]).toBeTruthy();
  });
});
