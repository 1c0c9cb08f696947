import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../shared/schemas/error.ts';
import { report } from '../../shared/schemas/report.ts';
import { componentCreate, incidentCreate } from '../../shared/schemas/status.ts';
import { isWellFormed } from '../../shared/schemas/text.ts';
import { sampleReport } from '../helpers/intake.ts';

const pathsRefused = (result: { success: boolean; error?: Parameters<typeof issuesFromZod>[0] }) =>
  result.error ? issuesFromZod(result.error).map((i) => `${i.path}: ${i.message}`) : [];

describe('well-formed Unicode text', () => {
  it('tells unpaired surrogates from real characters, including ones outside the BMP', () => {
    for (const ok of ['', 'Ștefan', 'Сбой оплаты', 'Příliš žluťoučký kůň', '😀 emoji', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢']) {
      expect(isWellFormed(ok), ok).toBe(true);
    }
    for (const bad of ['\ud800', 'a\udfffb', 'x\ud83d', '\ude00y', '😀'.slice(0, 1), '\udc00\ud800']) {
      expect(isWellFormed(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('is refused in a report, naming the field, also deep inside it', () => {
    const good = sampleReport();
    expect(report.safeParse(good).success).toBe(true);
    const cases: [unknown, string][] = [
      [{ ...good, title: 'Broken \ud800 checkout' }, 'title'],
      [{ ...good, description: 'x\udc00' }, 'description'],
      [{ ...good, impact: { text: '\ud83d' } }, 'impact.text'],
      [
        { ...good, environment: { ...good.environment, url: 'https://shop.example.com/\ud800' } },
        'environment.url',
      ],
      [{ ...good, environment: { ...good.environment, os: 'Linux\udfff' } }, 'environment.os'],
      [
        { ...good, console: [{ kind: 'error', message: 'oops \ud800', at: new Date().toISOString() }] },
        'console.0.message',
      ],
      [
        { ...good, attachments: [{ part: 'file0', name: 'shot\ud800.png', kind: 'capture' }] },
        'attachments.0.name',
      ],
    ];
    for (const [input, path] of cases) {
      expect(pathsRefused(report.safeParse(input))).toEqual([
        `${path}: must be well-formed Unicode text (it contains an unpaired surrogate)`,
      ]);
    }
  });

  it('is refused in the status schemas the admin API and the console share', () => {
    expect(pathsRefused(componentCreate.safeParse({ name: 'Shop \ud800' }))).toEqual([
      'name: must be well-formed Unicode text (it contains an unpaired surrogate)',
    ]);
    expect(pathsRefused(componentCreate.safeParse({ name: 'Shop', description: '\udc00' }))).toEqual([
      'description: must be well-formed Unicode text (it contains an unpaired surrogate)',
    ]);
    expect(pathsRefused(incidentCreate.safeParse({ name: 'Down', message: 'We are on it \ud83d' }))).toEqual([
      'message: must be well-formed Unicode text (it contains an unpaired surrogate)',
    ]);
    expect(incidentCreate.safeParse({ name: 'Plata eșuează 😀', message: 'Сбой' }).success).toBe(true);
  });
});
