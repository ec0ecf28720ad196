/**
 * Every message at the file that is wrong: one rule table, documented in docs/rules.md, and each
 * renderer input (logo, stylesheet, PDF theme, template, translation breaking the bilingual
 * pairing) reported at its own file:line:column with its rule id, through the CLI.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RULES, ruleMessage, ruleUrl, type RuleId } from '../src/core/rules.js';
import { FileProblem } from '../src/core/errors.js';
import { projectPaths } from '../src/core/paths.js';
import { renderErrorDiagnostic } from '../src/pipeline/render-error.js';
import { REPO, runCli, tempProject } from './helpers.js';
import { events, serveProject, SLUG } from './serve-helpers.js';

const EN = `locales/en/${SLUG}.json`;

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Lines of a build's report that name a rule, without the progress and table lines. */
function problems(stderr: string): string[] {
  return stderr.split('\n').filter((line) => / {2}briefing:[a-z-]+$/.test(line));
}

describe('the rule table', () => {
  const ids = Object.keys(RULES) as RuleId[];
  const docs = readFileSync(path.join(REPO, 'docs', 'rules.md'), 'utf8');
  const sections = [...docs.matchAll(/^### ([a-z-]+)$/gm)].map((m) => m[1]);

  it('has one docs/rules.md section per rule id, and no section without a rule', () => {
    expect([...sections].sort()).toEqual(ids.map((id) => id.replace(/^briefing:/, '')).sort());
    expect(new Set(sections).size).toBe(sections.length);
  });

  it('links each rule to its section', () => {
    for (const id of ids) expect(ruleUrl(id)).toBe(`docs/rules.md#${id.slice('briefing:'.length)}`);
  });

  it('names every rule id used in src/ (the typecheck holds the rest)', () => {
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/'(briefing:[a-z-]+)'/g)) used.add(m[1]!);
      }
    };
    walk(path.join(REPO, 'src'));
    expect([...used].filter((id) => !(id in RULES))).toEqual([]);
  });

  it('words one message per id from its parameters', () => {
    expect(ruleMessage('briefing:invalid-json', { reason: 'Unexpected end of input' })).toBe('Invalid JSON: Unexpected end of input');
    expect(ruleMessage('briefing:whitespace', { problem: 'trailing', char: 'space' })).toBe('Trailing space: remove it, it would show in the output');
  });
});

describe('renderer failures, mapped without guessing', () => {
  const paths = projectPaths('/project');
  it('reports a FileProblem at its file, relative to the project, and its place', () => {
    const problem = new FileProblem('briefing:invalid-logo', '/project/templates/logo.png', {});
    expect(renderErrorDiagnostic(problem, paths, 'content/a.md')).toMatchObject({
      file: 'templates/logo.png',
      line: 1,
      column: 1,
      ruleId: 'briefing:invalid-logo',
      url: 'docs/rules.md#invalid-logo',
    });
  });
  it('reports only an unknown failure against the article', () => {
    expect(renderErrorDiagnostic(new Error('boom'), paths, 'content/a.md')).toMatchObject({
      file: 'content/a.md',
      line: 1,
      column: 1,
      ruleId: 'briefing:render-failed',
      message: 'Rendering failed: boom',
    });
  });
});

describe('each renderer input reported at its own file:line:column (CLI)', () => {
  it('a logo that is no image: templates/logo.png', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'templates', 'logo.png'), 'not an image');
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'html']);
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toEqual([
      'templates/logo.png:1:1  error  The logo is not a PNG or JPEG image: a logo must be one of those (replace the file, or remove it for no logo)  briefing:invalid-logo',
    ]);
  });

  it('"</style" in style.css: at its line and column', async () => {
    const root = tempProject();
    const file = path.join(root, 'templates', 'html', 'style.css');
    const css = `${readFileSync(file, 'utf8')}\np::after { content: "x"; } </STYLE><script>\n`;
    writeFileSync(file, css);
    const at = placeOf(css, '</STYLE');
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'html']);
    expect(result.code).toBe(1);
    // The editions and the index page fail on the same line: reported once, at the stylesheet.
    expect(result.stderr).toContain('index.html, internal.html not written');
    expect(problems(result.stderr)).toEqual([
      `templates/html/style.css:${at.line}:${at.column}  error  A stylesheet must not contain "</STYLE": it is inlined in a <style> element, which "</STYLE" would break. Remove it (write "<\\/style" inside a CSS string)  briefing:invalid-stylesheet`,
    ]);
  });

  it('a bad PDF theme value: at the line and column of the value', async () => {
    const root = tempProject();
    const file = path.join(root, 'templates', 'pdf', 'theme.json');
    const theme = readFileSync(file, 'utf8').replace(/"body": 10\.5/, '"body": "big"');
    writeFileSync(file, theme);
    const at = placeOf(theme, '"big"');
    expect(at.line).toBeGreaterThan(1);
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toEqual([
      `templates/pdf/theme.json:${at.line}:${at.column}  error  "sizes.body" must be a number ≥ 0, not "big" (see docs/themes.md)  briefing:invalid-theme`,
    ]);
  });

  it('an unknown theme field at its name, a JSON syntax error where the parser stopped', async () => {
    const root = tempProject();
    const file = path.join(root, 'templates', 'pdf', 'theme.json');
    const original = readFileSync(file, 'utf8');
    const unknown = original.replace('"lineHeight"', '"lineHieght"');
    writeFileSync(file, unknown);
    const at = placeOf(unknown, '"lineHieght"');
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
    expect(problems(result.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(`^templates/pdf/theme\\.json:${at.line}:${at.column}  error  "lineHieght" is not a known field .*  briefing:invalid-theme$`),
      ),
    ]);

    const broken = original.replace('"A4",', '"A4",,');
    writeFileSync(file, broken);
    const syntax = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
    const stop = placeOf(broken, ',,');
    expect(problems(syntax.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(`^templates/pdf/theme\\.json:${stop.line}:${stop.column + 1}  error  The PDF theme is not valid JSON: .*  briefing:invalid-theme$`),
      ),
    ]);
  });

  it('a template syntax error: at its line in the template', async () => {
    const root = tempProject();
    const file = path.join(root, 'templates', 'html', 'page.hbs');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = 12;
    lines.splice(line - 1, 0, '<p>{{labels.toc}</p>');
    writeFileSync(file, lines.join('\n'));
    const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'html']);
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^templates/html/page\\.hbs:${line}:1  error  Handlebars cannot parse this line \\(unexpected INVALID\\): fix the template here  briefing:template-error$`,
        ),
      ),
    ]);
  });

  it('a blank line in a paragraph translation: a warning at its place, joined into one paragraph, the bilingual edition built', async () => {
    const root = tempProject();
    const file = path.join(root, EN);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { lead: Record<string, string> };
    json.lead['1'] = `${json.lead['1']}\n\nA second paragraph that the French does not have.`;
    const text = `${JSON.stringify(json, null, 2)}\n`;
    writeFileSync(file, text);
    // The added paragraph's first character, at its raw column: after the "\n\n" escapes as written.
    const at = placeOf(text, 'A second paragraph');
    const result = await runCli(['build', '--root', root, '--format', 'html']);
    expect(result.code).toBe(0);
    expect(problems(result.stderr)).toEqual([
      `${EN}:${at.line}:${at.column}  warning  A blank line (a new paragraph) is joined with a space: the translation of a paragraph is one paragraph of text and cannot add a block. Remove it, as in the French  briefing:block-markup`,
    ]);
    expect(readdirSync(path.join(root, 'output', SLUG))).toContain(`${SLUG}.fr-en.html`);
    expect(readFileSync(path.join(root, 'output', SLUG, `${SLUG}.en.html`), 'utf8')).toContain('breakneck speed');
  });

  it('a content template that gives the two languages different blocks: at the template', async () => {
    const root = tempProject();
    // The English title left untranslated: shown in French, so `titleMark` is set in English only.
    const file = path.join(root, EN);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
    json.title = '';
    writeFileSync(file, JSON.stringify(json, null, 2));
    const template = path.join(root, 'templates', 'briefing.md.hbs');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace(
        '{{titleMark}}# {{title}}\n',
        '{{titleMark}}# {{title}}\n\n{{#if titleMark}}\nA paragraph in one language only.\n{{/if}}\n',
      ),
    );
    const result = await runCli(['build', '--root', root, '--format', 'html']);
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toContainEqual(
      expect.stringMatching(
        /^templates\/briefing\.md\.hbs:1:1 {2}error {2}The bilingual edition cannot pair the two languages: the fr and en editions of "microsoft-openai" have \d+ and \d+ blocks: .* {2}briefing:pairing-mismatch$/,
      ),
    );
    // The French and English editions were built; the bilingual one was not, and the summary says so.
    expect(result.stderr).toMatch(/; not built: microsoft-openai\.fr-en \(1 error\)$/);
  });
});

describe('check --format json carries the url of each rule', () => {
  it('links each problem to its docs/rules.md section', async () => {
    const root = tempProject();
    const file = path.join(root, EN);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"title": "Microsoft', '"title": " Microsoft'));
    const result = await runCli(['check', '--root', root, '--format', 'json']);
    const data = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; url: string }[] };
    expect(data.diagnostics.length).toBeGreaterThan(0);
    for (const d of data.diagnostics) expect(d.url).toBe(ruleUrl(d.ruleId));
    expect(data.diagnostics.map((d) => d.ruleId)).toContain('briefing:whitespace');
  });
});

describe('serve names an input outside the project by its real path', () => {
  it('reports the linked locale file, with its extension, to the live preview', async () => {
    const root = tempProject();
    const outside = mkdtempSync(path.join(tmpdir(), 'briefing-outside-'));
    const target = path.join(outside, 'elsewhere.json');
    copyFileSync(path.join(root, EN), target);
    rmSync(path.join(root, EN));
    symlinkSync(target, path.join(root, EN));
    const { server } = await serveProject({}, root);
    try {
      const stream = await events(server, `${SLUG}.en.html`);
      const problem = JSON.parse(await stream.next('problem')) as { diagnostics: { file: string; ruleId: string }[] };
      expect(problem.diagnostics).toEqual([expect.objectContaining({ file: EN, ruleId: 'briefing:outside-project' })]);
      stream.close();
    } finally {
      await server.close();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
