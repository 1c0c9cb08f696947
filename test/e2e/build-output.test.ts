import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { onwarn } from '../../wxt.config.ts';

/** Rollup's words for a `@__PURE__`-style comment it cannot use (its code INVALID_ANNOTATION). */
const ANNOTATION_WARNING = /contains an annotation that Rollup cannot interpret/;

describe('the extension build’s output', () => {
  // Built into a folder of its own, so dist/ (which other tests load) is left as it is.
  const dir = mkdtempSync(join(tmpdir(), 'snapdesk-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no Rollup warnings about comments in zod’s files', async () => {
    const config = join(dir, 'wxt.config.ts');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(resolve('wxt.config.ts'))};\nexport default { ...base, outDir: ${JSON.stringify(join(dir, 'out'))} };\n`,
    );
    // As a person's terminal runs it: without Vitest's variables, which make WXT's logger print less.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)),
    );
    const { stdout, stderr } = await promisify(execFile)('npx', ['wxt', 'build', '-c', config], {
      env: { ...env, NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const output = `${stdout}\n${stderr}`;
    expect(output).toContain('Built extension');
    expect(output).not.toMatch(ANNOTATION_WARNING);
    expect(output).not.toContain('node_modules/zod');
  }, 180_000);

  it('silences only that warning: the same from another package, or another from zod, still shows', () => {
    const shown: unknown[] = [];
    const warn = (w: unknown) => shown.push(w);
    const zod = '/app/node_modules/zod/v4/core/util.js';
    onwarn({ code: 'INVALID_ANNOTATION', id: zod, message: 'A comment … in zod' }, warn);
    expect(shown).toEqual([]);
    const others = [
      { code: 'INVALID_ANNOTATION', id: '/app/node_modules/zod-extra/index.js', message: 'elsewhere' },
      { code: 'INVALID_ANNOTATION', id: '/app/extension/lib/send.ts', message: 'ours' },
      { code: 'CIRCULAR_DEPENDENCY', id: zod, message: 'another warning from zod' },
      { code: 'EVAL', message: 'no file at all' },
    ];
    for (const w of others) onwarn(w, warn);
    expect(shown).toEqual(others);
  });
});
