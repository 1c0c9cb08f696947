import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFirefoxBuild, FIREFOX_DIR } from './helpers/firefox.ts';

interface LinterMessage {
  code: string;
  message: string;
  description: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LinterResult {
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
}
interface Linter {
  run(): Promise<LinterResult>;
}
// addons-linter is CommonJS without type declarations; this is the part of its Node API we use.
const { createInstance } = createRequire(import.meta.url)('addons-linter') as {
  createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): Linter;
};

/**
 * Warnings we accept, each with the reason and the evidence that it is that case (matched against the
 * warning's description and the minified code it points at). Any other warning fails the test until
 * someone looks at it: an innerHTML of our own, say.
 */
const ACCEPTED: { code: string; why: string; evidence: RegExp }[] = [
  {
    code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
    why: 'Firefox reads data_collection_permissions from 140 on; 128–139 ignore the key and run the extension',
    evidence: /gecko\.data_collection_permissions/,
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    why: 'the same key on Android (142 on); the extension targets desktop Firefox',
    evidence: /gecko\.data_collection_permissions/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's dangerouslySetInnerHTML, which no component of ours uses",
    evidence: /\.innerHTML=\w+\.__html\b/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: 'html2canvas measuring emoji width with a constant string',
    evidence: /\.innerHTML=typeof"".repeat=="function"\?"&#128104;"/,
  },
];

/** The minified code around the spot the linter points at (it points at the object or the property). */
function sourceAt(m: LinterMessage): string {
  if (!m.file || m.line === undefined || m.column === undefined) return '';
  const line = readFileSync(join(FIREFOX_DIR, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  return line.slice(Math.max(0, m.column - 20), m.column + 80);
}

const why = (m: LinterMessage) =>
  ACCEPTED.find((a) => a.code === m.code && a.evidence.test(`${m.description}\n${sourceAt(m)}`))?.why;

describe('the Firefox build', () => {
  let result: LinterResult;

  beforeAll(async () => {
    ensureFirefoxBuild();
    result = await createInstance({
      config: {
        _: [FIREFOX_DIR],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: false,
        selfHosted: false,
      },
      runAsBinary: false,
    }).run();
  }, 120_000);

  it('is a Manifest V3 extension with a background page, a Gecko id and the MAIN-world collector', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings.gecko.id).toBe('snapdesk@snapdesk.dev');
    // Only the collector goes into every page; the capture script is built to be added on a report.
    expect(manifest.content_scripts).toEqual([
      expect.objectContaining({ js: ['content-scripts/collector.js'], world: 'MAIN' }),
    ]);
    expect(existsSync(join(FIREFOX_DIR, 'content-scripts/page.js'))).toBe(true);
  });

  it("passes Mozilla's addons-linter with no errors and only warnings we have a reason for", () => {
    const where = (m: LinterMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
    for (const w of result.warnings) {
      console.log(`addons-linter warning ${w.code}${where(w)}: ${w.message} — ${why(w) ?? 'NOT ACCEPTED'}`);
    }
    expect(result.errors.map((e) => `${e.code}${where(e)}: ${e.message}`)).toEqual([]);
    expect(result.warnings.filter((w) => !why(w)).map((w) => `${w.code}${where(w)}: ${w.message}`)).toEqual(
      [],
    );
  });
});
