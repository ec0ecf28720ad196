/** The CLI: usage errors (exit 2), content errors with places (exit 1), nothing half-written. */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO, EPOCH, editJson, replaceInFile, runCli, tempProject } from './helpers.js';

describe('usage errors', () => {
  it('names the valid choices for an unknown flag, format or language', async () => {
    expect(await runCli(['build', '--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option "--colour". Valid options: --lang, --format'),
    });
    expect(await runCli(['build', '--format', 'docx'])).toMatchObject({
      code: 2,
      stderr: 'briefing: Unexpected value "--format=docx". Use md, html, pdf (comma-separated).',
    });
    expect(await runCli(['build', '--lang', 'de'])).toMatchObject({ code: 2, stderr: 'briefing: Unexpected value "--lang=de". Use fr, en (comma-separated).' });
    expect(await runCli(['publish'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command "publish". Use one of: build, extract, check, status'),
    });
    expect(await runCli(['extract', '--format', 'md'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Option --format does not apply to "extract"'),
    });
  });

  it('names the fix for a bad --jobs, --shard or --wait, and applies them to build only', async () => {
    expect(await runCli(['build', '--jobs', '0'])).toMatchObject({
      code: 2,
      stderr: 'briefing: Unexpected value "--jobs=0". Use a whole number ≥ 1 (e.g. --jobs 4).',
    });
    expect(await runCli(['build', '--shard', '3/2'])).toMatchObject({
      code: 2,
      stderr: 'briefing: Unexpected value "--shard=3/2". Use K/N with 1 ≤ K ≤ N, e.g. --shard 2/4 for the second of four machines.',
    });
    expect(await runCli(['build', '--wait', 'soon'])).toMatchObject({
      code: 2,
      stderr: 'briefing: Unexpected value "--wait=soon". Use a whole number ≥ 0 (seconds, e.g. --wait 600).',
    });
    expect(await runCli(['status', '--force'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Option --force does not apply to "status" (it is for: build)'),
    });
    expect(await runCli(['merge-manifests'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Name the manifests to merge') });
  });

  it('names the articles that exist when asked for one that does not', async () => {
    const result = await runCli(['build', 'nope', '--root', REPO, '--out', tempProject([])]);
    expect(result).toMatchObject({ code: 2, stderr: 'briefing: Unknown article "nope". Articles in content/: microsoft-openai.' });
  });

  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('briefing build   [slug…] [--lang fr,en] [--format md,html,pdf] [--out DIR] [--min-coverage N]');
    expect(help.stdout).toContain('briefing check   [slug…] [--lang en] [--strict]');
    expect(help.stdout).toContain('Exit codes: 0 ok · 1 content errors');
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version });
    expect((await runCli([])).code).toBe(2);
  });

  it('rejects an invalid SOURCE_DATE_EPOCH', () => {
    const bin = path.join(REPO, 'dist', 'briefing.mjs');
    const run = spawnSync(process.execPath, [bin, 'build', '--out', tempProject([])], {
      cwd: REPO,
      env: { ...process.env, SOURCE_DATE_EPOCH: 'yesterday' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid SOURCE_DATE_EPOCH "yesterday"');
  });
});

describe('content errors', () => {
  it('points at invalid JSON in a locale file, builds the rest, and keeps the previous good output', async () => {
    const root = tempProject();
    const out = path.join(root, 'output');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const enPdf = path.join(out, 'microsoft-openai', 'microsoft-openai.en.pdf');
    const before = readFileSync(enPdf);
    const beforeTime = statSync(enPdf).mtimeMs;
    replaceInFile(root, 'locales/en/microsoft-openai.json', '"title": "', '"title" "');
    const result = await runCli(['build', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'locales/en/microsoft-openai.json:2:10  error  Invalid JSON: missing colon after the key on line 2: write "key": "value"  briefing:invalid-json',
    );
    expect(result.stderr).toContain('not built: microsoft-openai.en');
    // The French PDF and Markdown are not rebuilt; the French page is (its link to the English edition goes).
    expect(result.stdout).not.toContain('microsoft-openai.fr.pdf');
    expect(result.stderr).toMatch(/; 2 unchanged; not built/);
    expect(readFileSync(enPdf).equals(before)).toBe(true);
    expect(statSync(enPdf).mtimeMs).toBe(beforeTime);
    expect(readdirSync(path.join(out, 'microsoft-openai')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('prints notes (front-matter fields ignored) only with --verbose, on build and check', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'post.md'), '---\ntitle: Un billet\nlayout: post\ntags: [a]\n---\nTexte du billet.\n');
    const note = 'content/post.md:3:1  info  Front matter fields not used by briefing, ignored: layout, tags  briefing:ignored-front-matter-fields';
    const quiet = await runCli(['build', '--root', root, '--format', 'md', '--lang', 'fr']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr + quiet.stdout).not.toContain('briefing:ignored-front-matter-fields');
    const verbose = await runCli(['build', '--root', root, '--format', 'md', '--lang', 'fr', '--verbose', '--force']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toContain(note);
    const check = await runCli(['check', 'post', '--root', root, '--verbose']);
    expect(check.stdout).toContain(note);
    expect((await runCli(['check', 'post', '--root', root])).stdout).not.toContain(note);
  });

  it('reports a broken article with its place and still builds the others', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'broken.md'), '---\ntitle: Cassé\ndate: hier\n---\nTexte.\n');
    writeFileSync(path.join(root, 'content', 'binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    const result = await runCli(['build', '--root', root, '--format', 'md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'content/broken.md:3:7  error  Field "date" must be a date as YYYY-MM-DD, or a date-time such as 2024-05-01T10:00:00+02:00, not "hier"  briefing:invalid-front-matter',
    );
    expect(result.stderr).toContain('content/binary.txt:1:1  error  Cannot read the article: it is not valid UTF-8 text  briefing:unreadable-article');
    expect(existsSync(path.join(root, 'output', 'broken'))).toBe(false);
    expect(existsSync(path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.en.md'))).toBe(true);
  });

  it('reports a template error in the template file and writes nothing for it', async () => {
    const root = tempProject();
    replaceInFile(root, 'templates/briefing.md.hbs', '{{title}}', '{{titel}}');
    const result = await runCli(['build', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/templates\/briefing\.md\.hbs:\d+:\d+ {2}error {2}"titel" not defined in .* {2}briefing:template-error/);
    // The translators' review page does not use the content template; the editions are not written.
    expect(readdirSync(path.join(root, 'output', 'microsoft-openai'))).toEqual(['microsoft-openai.review.html']);
  });

  it('builds with a missing English translation, showing French visibly and saying how many', async () => {
    const root = tempProject();
    editJson(root, 'locales/en/microsoft-openai.json', (en) => {
      delete en.sections['un-nouvel-equilibre-a-trouver']['2'];
    });
    const result = await runCli(['build', '--root', root, '--format', 'md,html']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'microsoft-openai.en: 1 segment shown in French (1 missing, 0 stale; coverage 96 %): sections.un-nouvel-equilibre-a-trouver.2',
    );
    const md = readFileSync(path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.en.md'), 'utf8');
    expect(md).toContain('*Translation missing: original French text shown.*\n\nSi un accord «\u202fgagnant-gagnant\u202f»');
    const html = readFileSync(path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.en.html'), 'utf8');
    expect(html).toMatch(/<p lang="fr" class="fallback">Si un accord/);
  });
});

describe('the installed bin', () => {
  it('`briefing build` runs from the bundled dist/briefing.mjs in a fresh project folder', () => {
    const root = tempProject();
    const bin = path.join(REPO, 'dist', 'briefing.mjs');
    const stdout = execFileSync(process.execPath, [bin, 'build', '--lang', 'en', '--format', 'md,pdf'], {
      cwd: root,
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
      encoding: 'utf8',
    });
    expect(stdout).toMatch(/output\/microsoft-openai\/microsoft-openai\.en\.md\s+\d+\.\d kB\s+\d+ ms/);
    expect(stdout).toMatch(/^6 files written in \d+ ms; 0 unchanged$/m);
  });
});

describe('themes: the logo', () => {
  it('templates/logo.png appears in the HTML masthead (inline) and on the first PDF page; a file that is no image is an error naming it', async () => {
    const root = tempProject();
    // Any real PNG will do: the first page of a briefing, made small.
    expect((await runCli(['build', '--root', root, '--lang', 'en', '--format', 'pdf'])).code).toBe(0);
    const pdf = path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.en.pdf');
    execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-scale-to', '60', '-singlefile', pdf, path.join(root, 'templates', 'logo')]);
    const logo = readFileSync(path.join(root, 'templates', 'logo.png'));

    expect((await runCli(['build', '--root', root, '--format', 'html,pdf'])).code).toBe(0);
    const html = readFileSync(path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.fr.html'), 'utf8');
    expect(html).toContain(`<img class="logo" src="data:image/png;base64,${logo.toString('base64')}" alt="">`);
    const images = execFileSync('pdfimages', ['-list', path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.fr.pdf')], { encoding: 'utf8' });
    expect(
      images
        .trim()
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s+/)[0]),
    ).toEqual(['1']); // one image, on page 1

    writeFileSync(path.join(root, 'templates', 'logo.png'), 'not an image');
    const broken = await runCli(['build', '--root', root, '--format', 'pdf']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('templates/logo.png:1:1  error  The logo is not a PNG or JPEG image');
  });
});

describe('themes: the content template', () => {
  it('numbers sections and drops the key figures when the template says so, in every format', async () => {
    const root = tempProject();
    const file = path.join(root, 'templates', 'briefing.md.hbs');
    const template = readFileSync(file, 'utf8');
    const figures = /\{\{#if figures\.length\}\}[\s\S]*?\{\{\/if\}\}\n/.exec(template)?.[0];
    expect(figures).toBeDefined();
    expect(template).toContain('{{marks}} {{heading}}');
    writeFileSync(file, template.replace(figures!, '').replace('{{marks}} {{heading}}', '{{marks}} {{number}}. {{heading}}'));
    expect((await runCli(['build', '--root', root, '--format', 'md,html'])).code).toBe(0);
    const md = readFileSync(path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.en.md'), 'utf8');
    expect(md).toContain('## 1. A Landmark Alliance to Be Redefined');
    expect(md).toContain('## 6. A New Balance to Strike');
    expect(md).not.toContain('Key figures');
    const html = readFileSync(path.join(root, 'output', 'microsoft-openai', 'microsoft-openai.fr-en.html'), 'utf8');
    expect(html).toContain('<span lang="fr">1. Une alliance historique à redéfinir</span>');
    expect(html).not.toContain('class="key-figures"');
  });
});
