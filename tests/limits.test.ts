/**
 * Limits with placed messages (issue 11): every bounded input refused or flattened at its place,
 * with its rule id, while the other articles build. Crafted inputs from the table end in
 * bounded time; growth tests compare two sizes (time per byte of the larger at most ~2.5× the
 * smaller's, with generous absolute caps) rather than timing one run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { parseArticle } from '../src/parse/index.js';
import { parseMarkdown, blocksToMarkdown } from '../src/core/markdown.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { createI18n } from '../src/i18n/instance.js';
import { limits, limitsFingerprint, parseLimits } from '../src/core/limits.js';
import { DEFAULTS } from '../src/core/defaults.js';
import { parseCommandLine } from '../src/cli/options.js';
import { checkLogo } from '../src/render/logo.js';
import { loadTemplate } from '../src/render/templates.js';
import { FileProblem } from '../src/core/errors.js';
import { editFile, editJson, runBin, runCli, tempProject } from './helpers.js';

const SEED = 'microsoft-openai';

/** Sets BRIEFING_LIMITS for one test (restored after each). */
function withLimits(value: string): void {
  process.env.BRIEFING_LIMITS = value;
}
afterEach(() => {
  delete process.env.BRIEFING_LIMITS;
});

/** `line:column ruleId` of each diagnostic but `missing-title` (an article refused early has no title), the form the assertions compare. */
const placed = (diagnostics: readonly { line: number; column: number; ruleId: string }[]) =>
  diagnostics.filter((d) => d.ruleId !== 'briefing:missing-title').map((d) => `${d.line}:${d.column} ${d.ruleId}`);

/** Milliseconds `run` takes. */
function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Time per byte of `make(large)` over that of `make(small)`: near-linear growth stays under ~2.5. */
function growth(make: (n: number) => string, small: number, large: number, run: (text: string) => void): { ratio: number; ms: [number, number] } {
  const a = make(small);
  const b = make(large);
  run(a); // warm-up: compile the parsers once
  const ta = Math.min(
    timed(() => run(a)),
    timed(() => run(a)),
  );
  const tb = Math.min(
    timed(() => run(b)),
    timed(() => run(b)),
  );
  return { ratio: tb / b.length / (Math.max(ta, 1) / a.length), ms: [ta, tb] };
}

/** Report lines naming a rule, without progress or table lines. */
function problems(stderr: string): string[] {
  return stderr.split('\n').filter((line) => / {2}briefing:[a-z-]+$/.test(line));
}

describe('BRIEFING_LIMITS: every limit in DEFAULTS, changed for a run', () => {
  it('parses name=value pairs, refuses unknown names and bad values with the fix', () => {
    expect(parseLimits(undefined)).toEqual(DEFAULTS.limits);
    expect(parseLimits('articleBytes=10, sections=3').sections).toBe(3);
    expect(() => parseLimits('articleSize=10')).toThrow(/Unknown limit "articleSize" in BRIEFING_LIMITS.*articleBytes/);
    expect(() => parseLimits('sections=0')).toThrow(/Use a whole number ≥ 1, e\.g\. sections=500/);
    withLimits('figures=7');
    expect(limits().figures).toBe(7);
    expect(limitsFingerprint()).toBe('figures=7');
    delete process.env.BRIEFING_LIMITS;
    expect(limitsFingerprint()).toBe('');
  });

  it('a malformed BRIEFING_LIMITS is a usage error (exit 2) before anything runs', async () => {
    withLimits('bogus=1');
    const result = await runCli(['status', '--root', tempProject()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown limit "bogus"/);
  });
});

describe('article limits, placed', () => {
  it('a 20 MB article is refused by its size at 1:1, in well under a second', () => {
    const text = `# Titre\n\n${'Un paragraphe ordinaire. '.repeat(40)}\n\n`.repeat(20_000);
    expect(text.length).toBeGreaterThan(20_000_000);
    let result: ReturnType<typeof parseArticle> | undefined;
    const ms = timed(() => (result = parseArticle(text, 'content/big.md', 'big')));
    expect(placed(result!.diagnostics)).toEqual(['1:1 briefing:article-too-large']);
    expect(result!.diagnostics[0]!.message).toMatch(/^The article is \d+ bytes, more than the 1048576 allowed: split it/);
    expect(ms).toBeLessThan(2000);
  });

  it('a line over lineLength: placed at the first character past the limit', () => {
    const text = `# Titre\n\nCourt.\n\n${'mot '.repeat(20_000)}\n`;
    const { diagnostics } = parseArticle(text, 'content/long.md', 'long');
    expect(placed(diagnostics)).toEqual([`5:${DEFAULTS.limits.lineLength + 1} briefing:line-too-long`]);
  });

  it('more sections than allowed: an error at the first heading too many', () => {
    withLimits('sections=3');
    const text = ['# Titre', ...[1, 2, 3, 4, 5].map((i) => `## Partie ${i}\n\nTexte ${i}.`)].join('\n\n');
    const { diagnostics } = parseArticle(text, 'content/s.md', 's');
    expect(placed(diagnostics)).toEqual(['15:1 briefing:too-many']);
    expect(diagnostics[0]!.message).toMatch(/^More than 3 sections \(5\), from here on/);
  });

  it('wire copy headings count as sections too', () => {
    withLimits('sections=2');
    const text = ['Premier titre', 'Un paragraphe.', 'Deuxième titre', 'Un autre paragraphe.', 'Troisième titre', 'Fin du texte.'].join('\n');
    const { diagnostics } = parseArticle(`---\ntitle: T\nformat: wire\n---\n${text}\n`, 'content/w.txt', 'w');
    expect(placed(diagnostics)).toEqual(['9:1 briefing:too-many']);
  });

  it('sources found in the text are not counted (nor listed): an article may cite any number of them', () => {
    withLimits('figures=2,sources=1');
    const text = '# Titre\n\nEn 2019, 10 % du marché ; en 2020, 20 %.\n\nSelon Bloomberg, oui.\n\nSelon Reuters, non.\n';
    const { article, diagnostics } = parseArticle(text, 'content/f.md', 'f');
    expect(placed(diagnostics)).toEqual([]);
    expect(article.sources).toEqual([]);
  });
});

describe('nesting: flattened with a placed warning, never a stack overflow', () => {
  it('1 000 nested ">" parse, flatten at the limit and serialise', () => {
    const { article, diagnostics } = parseArticle(`# T\n\n${'> '.repeat(1000)}texte profond.\n`, 'content/q.md', 'q');
    expect(placed(diagnostics)).toEqual(['3:33 briefing:nesting-too-deep']);
    // The unit holds 16 quotes; the 984 markers beyond are its text.
    let depth = 0;
    let node = parseMarkdown(article.lead[0]!.markdown).children[0] as { type: string; children?: unknown[] } | undefined;
    while (node?.type === 'blockquote') {
      depth++;
      node = node.children?.[0] as typeof node;
    }
    expect(depth).toBe(DEFAULTS.limits.nestingDepth);
    expect(article.lead[0]!.markdown).toMatch(/> > > texte profond\.$/);
  });

  it('"- " × 10 000 on one line: a warning at the cut, in bounded, near-linear time', () => {
    const make = (n: number) => `# T\n\n${'- '.repeat(n)}x\n`;
    const { diagnostics } = parseArticle(make(10_000), 'content/l.md', 'l');
    expect(placed(diagnostics)).toEqual([`3:${2 * DEFAULTS.limits.nestingDepth + 1} briefing:nesting-too-deep`]);
    const { ratio, ms } = growth(make, 5_000, 20_000, (text) => parseArticle(text, 'content/l.md', 'l'));
    expect(ms[1]).toBeLessThan(5_000);
    expect(ratio).toBeLessThan(2.5);
  });

  it('lists nested by indentation over many lines, and emphasis nested in a line, are flattened too', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${' '.repeat(2 * i)}- niveau ${i}`).join('\n');
    const deepLists = parseArticle(`# T\n\n${lines}\n`, 'content/i.md', 'i');
    expect(placed(deepLists.diagnostics)).toEqual([`19:${2 * DEFAULTS.limits.nestingDepth + 1} briefing:nesting-too-deep`]);
    expect(deepLists.article.lead[0]!.markdown).toContain('niveau 39');
    const emphasis = parseArticle(`# T\n\n${'*a _'.repeat(200)}x${'_ a*'.repeat(200)}\n`, 'content/e.md', 'e');
    expect(emphasis.diagnostics.map((d) => d.message.split(':')[0])).toEqual(['Emphasis and links nested more than 16 deep']);
  });

  it('a translation or template output nested 5 000 deep is flattened by parseMarkdown (no warning channel: silently)', () => {
    const tree = parseMarkdown(`${'> '.repeat(5000)}x\n\n${'- '.repeat(5000)}y`);
    let depth = 0;
    let node: { children?: unknown[]; type: string } | undefined = tree.children[0];
    while (node?.type === 'blockquote') {
      depth++;
      node = node.children?.[0] as typeof node;
    }
    expect(depth).toBe(DEFAULTS.limits.nestingDepth);
    expect(() => blocksToMarkdown(tree.children)).not.toThrow();
  });

  it('within the limit nothing changes: the same tree as before', () => {
    const text = '> citation\n>\n> - un\n>   - deux\n\n1. a\n2. b';
    expect(blocksToMarkdown(parseMarkdown(text).children)).toBe(text);
  });
});

describe('YAML front matter', () => {
  const bomb = [
    'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'sources: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  ].join('\n');

  it('an alias bomb: a clear message at the first alias, not "must be a list of strings"', () => {
    let result: ReturnType<typeof parseArticle> | undefined;
    const ms = timed(() => (result = parseArticle(`---\n${bomb}\n---\n# T\n\nTexte.\n`, 'content/b.md', 'b')));
    expect(placed(result!.diagnostics)).toEqual(['3:8 briefing:front-matter-limit']);
    expect(result!.diagnostics[0]!.message).toMatch(/aliases \(\*name\) expand to more than 50 values, as an "alias bomb" does/);
    expect(ms).toBeLessThan(1000);
  });

  it('200 000 "sources:" entries: refused by size, quickly, without parsing them', () => {
    const entries = `---\ntitle: T\nsources:\n${'  - Agence X\n'.repeat(200_000)}---\nTexte.\n`;
    let result: ReturnType<typeof parseArticle> | undefined;
    const ms = timed(() => (result = parseArticle(entries, 'content/s.md', 's')));
    expect(placed(result!.diagnostics)).toEqual(['1:1 briefing:article-too-large']);
    // With a larger article allowed, the front matter's own bound stops it before YAML runs.
    withLimits('articleBytes=8000000');
    const ms2 = timed(() => (result = parseArticle(entries, 'content/s.md', 's')));
    expect(placed(result!.diagnostics)).toEqual(['2:1 briefing:front-matter-limit']);
    expect(ms + ms2).toBeLessThan(2000);
  });

  it('100 000 front-matter sources in one flow list: refused by the front matter size, then by line length', () => {
    const flow = `---\nsources: [${Array.from({ length: 100_000 }, (_, i) => `S${i}`).join(', ')}]\n---\nTexte.\n`;
    expect(placed(parseArticle(flow, 'content/s.md', 's').diagnostics)).toEqual(['2:1 briefing:front-matter-limit']);
    withLimits('frontMatterBytes=1000000');
    expect(placed(parseArticle(flow, 'content/s.md', 's').diagnostics)).toEqual([`2:${DEFAULTS.limits.lineLength + 1} briefing:line-too-long`]);
  });

  it('more front-matter sources than allowed: an error at the first one too many; brackets nested too deep: at the bracket', () => {
    const sources = `---\nsources: [${Array.from({ length: 600 }, (_, i) => `S${i}`).join(', ')}]\n---\nTexte.\n`;
    const over = parseArticle(sources, 'content/s.md', 's');
    expect(placed(over.diagnostics)).toEqual([`2:${sources.split('\n')[1]!.indexOf('S500') + 1} briefing:too-many`]);
    expect(over.diagnostics[0]!.message).toMatch(/^More than 500 front matter sources \(600\)/);
    const deep = parseArticle(`---\nsources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nTexte.\n`, 'content/d.md', 'd');
    expect(placed(deep.diagnostics)).toEqual([`2:${10 + DEFAULTS.limits.nestingDepth} briefing:front-matter-limit`]);
  });
});

describe('locale files', () => {
  it('a locale file over localeBytes, or nested 5 000 deep: one placed error, no strings', () => {
    withLimits('localeBytes=1000');
    const big = readLocaleFile(JSON.stringify({ a: 'x'.repeat(2000) }), 'locales/en/a.json');
    expect(placed(big.diagnostics)).toEqual(['1:1 briefing:locale-limit']);
    expect(big.entries).toEqual([]);
    delete process.env.BRIEFING_LIMITS;
    const deep = readLocaleFile(`{\n  "a": ${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}}`, 'locales/en/a.json');
    expect(placed(deep.diagnostics)).toEqual([`2:${8 + 5 * (DEFAULTS.limits.nestingDepth - 1)} briefing:locale-limit`]);
  });

  it('a $t() chain in common.json: an error at the value, the string left out, t() stays small', () => {
    const chain: Record<string, string> = { a0: 'xxxxxxxxxxxxxxxx' };
    for (let i = 1; i <= 3; i++) chain[`a${i}`] = `$t(a${i - 1}) $t(a${i - 1}) $t(a${i - 1}) $t(a${i - 1})`;
    chain.big = '$t(a3) '.repeat(60);
    chain.deep = '$t(a3)';
    for (let i = 0; i < 3; i++) chain.deep = chain.deep.replace('a3', 'a3) $t(a3');
    const text = JSON.stringify(
      { ...chain, d1: '$t(d2)', d2: '$t(d3)', d3: '$t(d4)', d4: '$t(d5)', d5: '$t(d6)', d6: 'fin', loop1: '$t(loop2)', loop2: '$t(loop1)' },
      null,
      2,
    );
    const locale = readLocaleFile(text, 'locales/en/common.json');
    // a3 expands to 4 × a2 + its own text (1 591 characters, 3 deep): big repeats it 60 times.
    expect(locale.diagnostics.map((d) => `${d.line} ${d.message.split(':')[0]}`)).toEqual([
      '6 "big" expands through $t(…) to 95880 characters, more than the 10000 allowed',
      '8 "d1" nests $t(…) more than 4 deep',
      '14 "loop1" pulls itself in through $t(loop1), which never ends',
      '15 "loop2" pulls itself in through $t(loop1), which never ends',
    ]);
    const t = createI18n('en', { common: locale.resources }).getFixedT('en', 'common');
    expect(String(t('big'))).toBe('big');
    expect(String(t('loop1'))).toBe('loop1');
    expect(String(t('a3')).length).toBeLessThan(2000);
  });
});

/** A PNG of `width` × `height` pixels: its signature, header and end, no pixel data (enough for any header reader). */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG whose frame header says `width` × `height`. */
function jpegHeader(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const app0 = Buffer.concat([Buffer.from([0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

describe('shared inputs bounded', () => {
  it('the logo: pixels read from the PNG or JPEG header before decoding, and bytes', () => {
    const refuse = (data: Buffer) => {
      try {
        checkLogo('templates/logo.png', data);
      } catch (error) {
        return error instanceof FileProblem ? `${error.ruleId} ${error.message.split(': ')[1]}` : String(error);
      }
      return 'accepted';
    };
    expect(refuse(pngHeader(20_000, 20_000))).toMatch(/^briefing:logo-too-large The logo is 20000×20000 pixels, more than the 4194304 pixels allowed/);
    expect(refuse(jpegHeader(30_000, 30_000))).toMatch(/^briefing:logo-too-large The logo is 30000×30000 pixels/);
    expect(refuse(pngHeader(400, 120))).toBe('accepted');
    expect(refuse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatch(/^briefing:invalid-logo/);
    withLimits('logoBytes=10');
    expect(refuse(pngHeader(400, 120))).toMatch(/^briefing:logo-too-large The logo file is \d+ bytes, more than the 10 allowed/);
  });

  it('a template rendering too many blocks (empty ones too): stopped at the block that went over', () => {
    withLimits('templateBlocks=1000');
    const file = path.join(tempProject(['templates']), 'templates', 'loops.hbs');
    writeFileSync(file, 'start\n  {{#each @root.items}}{{#each @root.items}}{{#each @root.items}}{{/each}}{{/each}}{{/each}}\n');
    const render = loadTemplate(file, 'none');
    expect(() => render({ items: Array.from({ length: 20 }, (_, i) => i) })).toThrow(
      expect.objectContaining({
        ruleId: 'briefing:template-limit',
        place: expect.objectContaining({ line: 2 }),
        message: expect.stringMatching(/render more than 1000 blocks/),
      }),
    );
    // Within the limit, the same template renders, and the count starts again for each run.
    expect(render({ items: [1, 2, 3] })).toBe('start\n  \n');
    expect(render({ items: [1, 2, 3] })).toBe('start\n  \n');
  });

  it('--jobs above the cores is lowered to the cores, with a notice', () => {
    const cores = availableParallelism();
    const settings = parseCommandLine(['build', '--jobs', '64']);
    expect(settings.jobs).toBe(Math.min(64, cores));
    expect(settings.notices).toEqual(
      cores >= 64 ? [] : [`--jobs 64 is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine: using --jobs ${cores}.`],
    );
    expect(parseCommandLine(['build', '--jobs', '1'])).toMatchObject({ jobs: 1, notices: [] });
  });
});

describe('through a build: the input over a limit reported at its place, everything else built', () => {
  it('oversized, deep and alias-bomb articles beside the seed: placed messages, the seed built', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'huge.md'), `# Énorme\n\n${'Texte. '.repeat(200_000)}\n`);
    writeFileSync(path.join(root, 'content', 'quotes.md'), `# Citations\n\n${'> '.repeat(1000)}au fond.\n`);
    writeFileSync(
      path.join(root, 'content', 'bomb.md'),
      `---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nsources: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\n# Bombe\n\nTexte.\n`,
    );
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--jobs', '1']);
    expect(result.code).toBe(1);
    expect(
      problems(result.stderr)
        .map((line) => line.replace(/ {2}(error|warning) {2}.* {2}/, ' '))
        .sort(),
    ).toEqual([
      'content/bomb.md:3:8 briefing:front-matter-limit',
      'content/huge.md:1:1 briefing:article-too-large',
      'content/quotes.md:3:33 briefing:nesting-too-deep',
    ]);
    // The deep article builds flattened (a warning), in every format; the seed too.
    for (const ext of ['md', 'html', 'pdf']) {
      expect(existsSync(path.join(root, 'output', 'quotes', `quotes.fr.${ext}`))).toBe(true);
      expect(existsSync(path.join(root, 'output', SEED, `${SEED}.fr.${ext}`))).toBe(true);
    }
    expect(existsSync(path.join(root, 'output', 'huge'))).toBe(false);
  }, 60_000);

  it('a translation nested 1 000 quotes and 10 000 list markers deep: flattened, the English edition built in every format', async () => {
    const root = tempProject();
    editJson(root, `locales/en/${SEED}.json`, (locale) => {
      locale.lead['1'] = `${'> '.repeat(1000)}deep`;
      const first = Object.keys(locale.sections)[0]!;
      locale.sections[first]['1'] = `${'- '.repeat(10_000)}x`;
    });
    const result = await runCli(['build', '--root', root, '--lang', 'en', '--format', 'md,html,pdf', '--jobs', '1']);
    expect(result.stderr).not.toMatch(/render-failed|internal error|call stack/);
    for (const ext of ['md', 'html', 'pdf']) expect(existsSync(path.join(root, 'output', SEED, `${SEED}.en.${ext}`))).toBe(true);
    // The translation is what shows, 16 quotes deep at most (a paragraph unit reads its markers
    // as text: tests/translation-structure.test.ts; the cap holds for any unit kind).
    const markdown = readFileSync(path.join(root, 'output', SEED, `${SEED}.en.md`), 'utf8');
    expect(markdown).toContain('deep');
    expect(Math.max(...markdown.split('\n').map((line) => /^(> ?)*/.exec(line)![0].replace(/ /g, '').length))).toBeLessThanOrEqual(
      DEFAULTS.limits.nestingDepth,
    );
  }, 60_000);

  it('a $t() chain in common.json: an error at the value in build, the other language built', async () => {
    const root = tempProject();
    editJson(root, 'locales/fr/common.json', (common) => {
      common.chain0 = 'x'.repeat(40);
      for (let i = 1; i <= 8; i++) common[`chain${i}`] = `$t(chain${i - 1}) $t(chain${i - 1}) $t(chain${i - 1}) $t(chain${i - 1})`;
    });
    const result = await runCli(['build', '--root', root, '--format', 'md', '--jobs', '1']);
    expect(result.code).toBe(1);
    const lines = problems(result.stderr);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => /^locales\/fr\/common\.json:\d+:\d+ {2}error {2}"chain\d" (expands|nests)/.test(line))).toBe(true);
    expect(existsSync(path.join(root, 'output', SEED, `${SEED}.en.md`))).toBe(true);
    expect(existsSync(path.join(root, 'output', SEED, `${SEED}.fr.md`))).toBe(false);
  }, 60_000);

  it('a 34 MB locale file: refused at 1:1 without parsing it, the French edition built', async () => {
    const root = tempProject();
    const file = `locales/en/${SEED}.json`;
    editJson(root, file, (locale) => {
      locale.padding = 'x'.repeat(34_000_000);
    });
    const start = performance.now();
    const result = await runCli(['build', '--root', root, '--format', 'md', '--jobs', '1']);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(problems(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:1:1 {2}error {2}The locale file is \\d+ bytes, more than the 4194304 allowed`)),
    ]);
    expect(existsSync(path.join(root, 'output', SEED, `${SEED}.fr.md`))).toBe(true);
    expect(existsSync(path.join(root, 'output', SEED, `${SEED}.en.md`))).toBe(false);
  }, 60_000);

  it('nested {{#each @root…}} in the content template: stopped at the block, quickly', async () => {
    const root = tempProject();
    const loops = 6;
    const nested = `${'{{#each @root.sections}}'.repeat(loops)}{{@root.title}}${'{{/each}}'.repeat(loops)}`;
    editFile(root, 'templates/briefing.md.hbs', (text) => `${text}\n${nested}\n`);
    const line = readFileSync(path.join(root, 'templates/briefing.md.hbs'), 'utf8').split('\n').length - 1;
    const start = performance.now();
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'md', '--jobs', '1']);
    const ms = performance.now() - start;
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^templates/briefing\\.md\\.hbs:${line}:\\d+ {2}error {2}This block makes the template(?: render more than|'s output exceed) .*briefing:template-limit$`,
        ),
      ),
    ]);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('theme margins wider than the page: an error at the margin, no PDF; the formats without the theme still build', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'templates', 'pdf', 'theme.json'), '{\n  "page": {\n    "margins": { "left": 400, "right": 300 }\n  }\n}\n');
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf', '--jobs', '1']);
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toEqual([
      expect.stringMatching(
        /^templates\/pdf\/theme\.json:3:26 {2}error {2}"page\.margins\.left" leaves columns -\d+ points wide on a A4 page .*, not 400 \(see docs\/themes\.md\) {2}briefing:invalid-theme$/,
      ),
    ]);
    expect(existsSync(path.join(root, 'output', SEED, `${SEED}.fr.pdf`))).toBe(false);
    expect((await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'md', '--jobs', '1'])).code).toBe(0);
    // Text areas too short, or type too large for them: placed at the value that takes the room.
    writeFileSync(path.join(root, 'templates', 'pdf', 'theme.json'), '{ "page": { "size": "A5", "margins": { "top": 300, "bottom": 200 } } }');
    expect(problems((await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf', '--jobs', '1'])).stderr)).toEqual([
      expect.stringMatching(/^templates\/pdf\/theme\.json:1:47 {2}error {2}"page\.margins\.top" leaves a text area 95 points high/),
    ]);
  }, 60_000);

  it('a 20 000×20 000 logo: refused from its header, before any decoding, at the logo', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'templates', 'logo.png'), pngHeader(20_000, 20_000));
    const start = performance.now();
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf', '--jobs', '1']);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(problems(result.stderr)).toEqual([
      'templates/logo.png:1:1  error  The logo is 20000×20000 pixels, more than the 4194304 pixels allowed: scale it down (a logo is shown a few centimetres wide)  briefing:logo-too-large',
    ]);
  }, 60_000);

  it('200 000 sources entries, a 20 MB article: refused within 128 MB of heap, before remark runs (bundled bin, own process)', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'sources.md'), `---\ntitle: T\nsources:\n${'  - Agence X\n'.repeat(200_000)}---\nTexte.\n`);
    writeFileSync(path.join(root, 'content', 'big.md'), `# Énorme\n\n${'Texte ordinaire. '.repeat(1_250_000)}\n`);
    const result = await runBin(['build', '--lang', 'fr', '--format', 'md', '--jobs', '1'], {
      cwd: root,
      env: { NODE_OPTIONS: '--max-old-space-size=128', BRIEFING_LIMITS: 'articleBytes=4000000' },
    });
    expect(result.code).toBe(1);
    expect(
      problems(result.stderr)
        .map((line) => line.split('  ')[0])
        .sort(),
    ).toEqual(['content/big.md:1:1', 'content/sources.md:2:1']);
    expect(existsSync(path.join(root, 'output', SEED, `${SEED}.fr.md`))).toBe(true);
  }, 60_000);
});
