import { describe, expect, it } from 'vitest';
import { formMessages } from '../../shared/i18n/en/form.ts';
import { locales } from '../../shared/i18n/locales.ts';
import {
  defaultFormConfig,
  FORM_LANGUAGES,
  type FormConfig,
  HELP_MAX,
  LABEL_MAX,
  parseFormConfig,
} from '../../shared/schemas/form-config.ts';

const fieldsOf = (type: string) =>
  defaultFormConfig.fields.filter((f) => f.types.includes(type)).map((f) => f.id);
const copy = (): FormConfig => structuredClone(defaultFormConfig);
const issuesOf = (input: unknown) => {
  const result = parseFormConfig(input);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.issues;
};

describe('form configuration', () => {
  it('offers the three request types of the seeds, "Something is broken" first', () => {
    expect(defaultFormConfig.requestTypes.map((t) => t.id)).toEqual(['bug', 'question', 'feature']);
  });

  it('asks the triage questions only where they belong, and priority only for "Something is broken"', () => {
    const common = ['title', 'description', 'account', 'shareWith', 'country', 'contactEmail'];
    const broken = fieldsOf('bug');
    for (const id of [
      ...common,
      'stepsToReproduce',
      'expected',
      'actual',
      'howBefore',
      'blocking',
      'priority',
    ]) {
      expect(broken).toContain(id);
    }
    for (const id of [
      'impactPeople',
      'impactOrders',
      'impactBranches',
      'workingExamples',
      'failingExamples',
      'alreadyTried',
    ]) {
      expect(broken).toContain(id);
    }
    expect(fieldsOf('question')).toEqual(common);
    expect(fieldsOf('feature')).toEqual(['title', 'description', 'goal', ...common.slice(2)]);
  });

  it('defines fields by kind, requiredness and limits', () => {
    const byId = Object.fromEntries(defaultFormConfig.fields.map((f) => [f.id, f]));
    expect(byId.title).toMatchObject({ kind: 'title', required: true, maxLength: 150 });
    expect(byId.priority).toMatchObject({ kind: 'priority', required: true, types: ['bug'] });
    expect(byId.impactOrders).toMatchObject({ kind: 'number', min: 0, required: false });
    expect(byId.contactEmail).toMatchObject({ kind: 'email', required: true, maxLength: 254 });
    expect(byId.blocking?.options?.map((o) => o.value)).toEqual(['ordering', 'work', 'none']);
    expect(byId.shareWith?.kind).toBe('organisation');
    expect(byId.country?.kind).toBe('country');
  });

  it('names only messages that exist in the catalogue', () => {
    const keys = [
      ...defaultFormConfig.requestTypes.flatMap((t) => [t.label, t.help]),
      ...defaultFormConfig.fields.flatMap((f) => [f.label, f.help, ...(f.options ?? []).map((o) => o.label)]),
    ].filter((key) => key !== undefined);
    for (const key of keys) {
      if (typeof key !== 'string') throw new Error('the default form names messages, not texts');
      expect(formMessages, key).toHaveProperty([key]);
    }
  });

  it('reads its own default back unchanged, also through JSON', () => {
    expect(parseFormConfig(JSON.parse(JSON.stringify(defaultFormConfig)))).toEqual({
      ok: true,
      config: defaultFormConfig,
    });
  });

  it('ignores properties it does not know, so an older extension reads a newer server', () => {
    const newer = {
      ...copy(),
      theme: 'dark',
      fields: copy().fields.map((f) => ({ ...f, placeholder: 'x' })),
    };
    const result = parseFormConfig(newer);
    expect(result).toEqual({ ok: true, config: defaultFormConfig });
  });

  it('says what is wrong with a broken config, field by field', () => {
    expect(issuesOf(null)).toEqual([{ path: '(body)', message: expect.any(String) }]);
    expect(issuesOf({ ...copy(), version: 2 }).map((i) => i.path)).toEqual(['version']);

    const config = copy();
    const [title, description] = config.fields;
    if (!title || !description) throw new Error('the default has a title and a description');
    description.id = 'title';
    description.types = ['bug', 'bogus'];
    description.kind = 'select';
    expect(issuesOf(config)).toEqual([
      { path: 'fields.1.id', message: 'is used twice' },
      { path: 'fields.1.types.1', message: 'is not a request type' },
      { path: 'fields.1.options', message: 'a select needs options' },
      { path: 'fields.1.maxLength', message: 'only text fields have a maximum length' },
    ]);
  });

  it('refuses unknown kinds, bad keys, bad bounds and options off a select', () => {
    const config = copy();
    const field = (id: string) => {
      const found = config.fields.find((f) => f.id === id);
      if (!found) throw new Error(id);
      return found as Record<string, unknown>;
    };
    field('country').kind = 'map';
    field('account').label = 'Account';
    field('impactPeople').min = 5;
    field('impactPeople').max = 1;
    field('priority').options = [{ value: 'low', label: 'report.priority.low' }];
    field('alreadyTried').min = 0;
    const paths = issuesOf(config).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fields\.\d+\.kind$/),
        expect.stringMatching(/^fields\.\d+\.label$/),
      ]),
    );
    // Zod reports the shape first; fix it and the cross-field rules speak.
    field('country').kind = 'country';
    field('account').label = 'report.field.account';
    expect(issuesOf(config).map((i) => i.message)).toEqual([
      'only a select has options',
      'must not be below min',
      'only a number field has bounds',
    ]);
  });

  it('needs a required title for every request type', () => {
    const config = copy();
    const title = config.fields[0];
    if (!title) throw new Error('the default has a title');
    title.types = ['bug', 'question'];
    expect(issuesOf(config)).toEqual([
      {
        path: 'fields',
        message: 'needs a required title field shown for every request type (missing for feature)',
      },
    ]);
    title.types = ['bug', 'question', 'feature'];
    title.required = false;
    expect(issuesOf(config)[0]?.message).toMatch(/missing for bug, question, feature/);
  });

  it('refuses duplicate request types', () => {
    const config = copy();
    config.requestTypes.push({ id: 'bug', label: 'report.type.broken' });
    expect(issuesOf(config)).toEqual([{ path: 'requestTypes.3.id', message: 'is used twice' }]);
  });

  it('refuses a field shown for no request type', () => {
    const config = copy();
    const steps = config.fields[3];
    if (steps?.id !== 'stepsToReproduce') throw new Error('the default asks for steps fourth');
    steps.types = [];
    expect(issuesOf(config)).toEqual([
      { path: 'fields.3.types', message: 'must name at least one request type' },
    ]);
  });

  describe("an organisation's own labels and help, by language", () => {
    /** The default form with a field's label (and help) as given, read back or refused. */
    const withLabel = (label: unknown, help?: unknown) => {
      const config = copy() as unknown as { fields: Record<string, unknown>[] };
      const account = config.fields.find((f) => f.id === 'account') as Record<string, unknown>;
      account.label = label;
      if (help !== undefined) account.help = help;
      return { config, at: `fields.${config.fields.indexOf(account)}` };
    };
    const refused = (label: unknown, help?: unknown) => {
      const { config, at } = withLabel(label, help);
      return issuesOf(config).map((i) => ({ ...i, path: i.path.replace(at, '<field>') }));
    };

    it('speaks exactly the languages the project has catalogues for', () => {
      expect([...FORM_LANGUAGES].sort()).toEqual(Object.keys(locales).sort());
    });

    it('takes texts by language beside message keys, trimmed, for fields, options and request types', () => {
      const config = copy() as unknown as {
        requestTypes: Record<string, unknown>[];
        fields: Record<string, unknown>[];
      };
      const blocking = config.fields.find((f) => f.id === 'blocking') as { options: { label: unknown }[] };
      config.requestTypes[0] = {
        id: 'bug',
        label: { en: 'Broken', ro: 'Ceva nu merge' },
        help: { uk: '  Щось не працює  ' },
      };
      (blocking.options[0] as { label: unknown }).label = { es: 'No se puede pagar' };
      const account = config.fields.find((f) => f.id === 'account') as Record<string, unknown>;
      account.label = { en: ' Customer number ', ro: 'Număr de client', ru: 'Номер клиента' };
      account.help = 'report.field.account.help';
      const result = parseFormConfig(config);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const read = result.config;
      expect(read.requestTypes[0]).toEqual({
        id: 'bug',
        label: { en: 'Broken', ro: 'Ceva nu merge' },
        help: { uk: 'Щось не працює' },
      });
      expect(read.fields.find((f) => f.id === 'blocking')?.options?.[0]?.label).toEqual({
        es: 'No se puede pagar',
      });
      expect(read.fields.find((f) => f.id === 'account')).toMatchObject({
        label: { en: 'Customer number', ro: 'Număr de client', ru: 'Номер клиента' },
        help: 'report.field.account.help',
      });
      // What the server serves (its parsed config as JSON) the extension reads back the same.
      expect(parseFormConfig(JSON.parse(JSON.stringify(read)))).toEqual({ ok: true, config: read });
    });

    it('names a language it does not speak, and the ones it does', () => {
      expect(refused({ en: 'Customer number', de: 'Kundennummer' })).toEqual([
        {
          path: '<field>.label.de',
          message: 'is not a language the form speaks (use en, cs, es, ro, ru, uk)',
        },
      ]);
      expect(refused({ 'ro-RO': 'Număr de client' })).toEqual([
        {
          path: '<field>.label.ro-RO',
          message: 'is not a language the form speaks (use en, cs, es, ro, ru, uk)',
        },
      ]);
    });

    it('needs at least one text, each non-empty, not too long, and well-formed', () => {
      expect(refused({})).toEqual([
        { path: '<field>.label', message: 'must give the text in at least one of en, cs, es, ro, ru, uk' },
      ]);
      expect(refused({ en: '   ', ro: 'Cont' })).toEqual([
        { path: '<field>.label.en', message: 'must not be empty' },
      ]);
      expect(refused({ en: 'x'.repeat(LABEL_MAX + 1) })).toEqual([
        { path: '<field>.label.en', message: `must be at most ${LABEL_MAX} characters` },
      ]);
      // Characters, not UTF-16 units, and counted after trimming.
      expect(parseFormConfig(withLabel({ en: ` ${'😀'.repeat(LABEL_MAX)} ` }).config).ok).toBe(true);
      expect(refused('report.field.account', { ro: 'y'.repeat(HELP_MAX + 1) })).toEqual([
        { path: '<field>.help.ro', message: `must be at most ${HELP_MAX} characters` },
      ]);
      expect(refused({ en: 'Bad \ud800 text' })).toEqual([
        {
          path: '<field>.label.en',
          message: 'must be well-formed Unicode text (it contains an unpaired surrogate)',
        },
      ]);
      expect(refused({ en: 42 })).toEqual([{ path: '<field>.label.en', message: 'must be text' }]);
    });

    it('names what a label must be when it is neither a key nor texts', () => {
      const either =
        'must be a message key such as report.field.title, or texts by language such as {"en": "…", "ro": "…"}';
      for (const label of [42, null, ['en', 'Account'], true]) {
        expect(refused(label), JSON.stringify(label)).toEqual([{ path: '<field>.label', message: either }]);
      }
      expect(refused('Account')).toEqual([
        { path: '<field>.label', message: 'must be a message key such as report.field.title' },
      ]);
    });
  });
});
