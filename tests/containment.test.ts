/**
 * Read only what belongs to the project, and keep faults to what they touch (issue 11): links out
 * of the project or into `.git/`, FIFOs, folders, unreadable files and link loops are errors at
 * their place while the rest builds; reserved article names; deleting only inside the output
 * folder; the exit code of an internal error.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, EPOCH, pdfObjectsText, runCli, tempProject, treeHashes } from './helpers.js';
import { EXIT } from '../src/core/errors.js';
import { projectPaths } from '../src/core/paths.js';
import { projectBounds, containment } from '../src/project/bounds.js';
import { InputError, readInput, readInputSync } from '../src/project/read-file.js';
import { listSources, readSource } from '../src/project/sources.js';
import { reservedSlug } from '../src/project/reserved-slugs.js';
import { loadLogo } from '../src/render/logo.js';
import { loadPdfTheme } from '../src/render/pdf/theme.js';
import { hashFiles, OutsideProjectError, servableSources } from '../src/serve/inputs.js';
import { INDEX_FILE, feedFile } from '../src/publish/catalogue.js';
import { MANIFEST_FILE } from '../src/publish/manifest.js';
import { LOCK_FILE } from '../src/publish/lock.js';
import { LANGS } from '../src/core/types.js';

const SLUG = 'microsoft-openai';
const SECRET = 'AUTHORIZATION: basic c2VjcmV0LXRva2Vu';

/** A file outside any project, holding a secret. */
function outsideFile(name: string, content = SECRET): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-outside-'));
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
}

/** Every output file's text (a PDF's objects uncompressed), to check that a secret reached none of them. */
function allOutput(root: string): string {
  const out = path.join(root, 'output');
  if (!existsSync(out)) return '';
  return Object.keys(treeHashes(out))
    .map((file) => (file.endsWith('.pdf') ? pdfObjectsText(path.join(out, file)) : readFileSync(path.join(out, file), 'latin1')))
    .join('\n');
}

/** A second article, copied from the seed's, under `content/<name>`. */
function copyArticle(root: string, name: string): void {
  copyFileSync(path.join(root, 'content', `${SLUG}.txt`), path.join(root, 'content', name));
}

const build = (root: string, ...args: string[]) => runCli(['build', '--root', root, ...args]);

describe('inputs are the project’s own regular files', () => {
  it('the issue’s scenario: links to .git/config and /proc/self/environ are refused at their place, nothing of them is published, the rest builds', async () => {
    const root = tempProject();
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.git', 'config'), `[http "https://github.com/"]\n\textraheader = ${SECRET}\n`);
    symlinkSync('../.git/config', path.join(root, 'content', 'notes.md'));
    symlinkSync('/proc/self/environ', path.join(root, 'content', 'env.md'));
    const result = await build(root, '--format', 'md,html');
    expect(result.code).toBe(EXIT.content);
    expect(result.stderr).toContain(
      "content/notes.md:1:1  error  This file resolves into .git/ (a symbolic link?): Briefing reads only the project's own files, never .git/ or the output folder. Replace the link by the file itself, or remove it  briefing:outside-project",
    );
    expect(result.stderr).toMatch(
      /content\/env\.md:1:1 {2}error {2}This file resolves outside the project, to \/proc\/[^ ]+\/environ .* {2}briefing:outside-project/,
    );
    expect(existsSync(path.join(root, 'output', 'notes'))).toBe(false);
    expect(existsSync(path.join(root, 'output', 'env'))).toBe(false);
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.en.html`))).toBe(true);
    const published = allOutput(root);
    expect(published).not.toContain('c2VjcmV0LXRva2Vu');
    expect(published).not.toContain(`PATH=${process.env.PATH}`);
  });

  it('a stylesheet, a template or a locale file linked out of the project is refused at that file; what does not need it builds', async () => {
    const root = tempProject();
    const css = path.join(root, 'templates', 'html', 'style.css');
    rmSync(css);
    symlinkSync(outsideFile('style.css', `body { color: red } /* ${SECRET} */`), css);
    const translation = path.join(root, 'locales', 'en', `${SLUG}.json`);
    rmSync(translation);
    symlinkSync(outsideFile('en.json', `{ "title": "${SECRET}" }`), translation);
    const result = await build(root, '--format', 'md,html');
    expect(result.code).toBe(EXIT.content);
    expect(result.stderr).toMatch(/^templates\/html\/style\.css:1:1 {2}error {2}This file resolves outside the project, to .* {2}briefing:outside-project$/m);
    expect(result.stderr).toMatch(
      new RegExp(`^locales/en/${SLUG}\\.json:1:1 {2}error {2}This file resolves outside the project, to .* {2}briefing:outside-project$`, 'm'),
    );
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.fr.html`))).toBe(false);
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.en.md`))).toBe(false);
    expect(allOutput(root)).not.toContain('c2VjcmV0LXRva2Vu');
    // The French Markdown edition needs neither: it builds (the index page, which needs the stylesheet, does not).
    const french = await build(root, '--format', 'md', '--lang', 'fr');
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.fr.md`))).toBe(true);
    expect(french.stderr.split('\n').filter((line) => line.includes('  error  '))).toEqual([expect.stringMatching(/^templates\/html\/style\.css:1:1 /)]);

    const template = path.join(root, 'templates', 'briefing.md.hbs');
    rmSync(template);
    symlinkSync(outsideFile('briefing.md.hbs', SECRET), template);
    const again = await build(root, '--format', 'md', '--lang', 'fr');
    expect(again.code).toBe(EXIT.content);
    expect(again.stderr).toMatch(/^templates\/briefing\.md\.hbs:1:1 {2}error {2}This file resolves outside the project, to .* {2}briefing:outside-project$/m);
    expect(again.stderr).not.toContain('internal error');
  });

  it('a theme or a logo linked out of the project is refused with the file named', () => {
    const root = tempProject();
    const templates = path.join(root, 'templates');
    rmSync(path.join(templates, 'pdf', 'theme.json'));
    symlinkSync(outsideFile('theme.json', '{}'), path.join(templates, 'pdf', 'theme.json'));
    symlinkSync(outsideFile('logo.png', SECRET), path.join(templates, 'logo.png'));
    const refused = (read: () => unknown, file: string) => {
      try {
        read();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).ruleId).toBe('briefing:outside-project');
        expect((error as InputError).file).toBe(path.join(templates, file));
        return;
      }
      throw new Error(`${file} was read`);
    };
    refused(() => loadPdfTheme(templates), 'pdf/theme.json');
    refused(() => loadLogo(templates), 'logo.png');
    // A link that stays inside the project is followed.
    rmSync(path.join(templates, 'logo.png'));
    symlinkSync('html/style.css', path.join(templates, 'logo.png'));
    expect(() => loadLogo(templates)).toThrow(/not a PNG or JPEG/);
  });

  it('a FIFO where an article or a translation should be is refused at once, not waited on', async () => {
    const root = tempProject();
    execFileSync('mkfifo', [path.join(root, 'content', 'pipe.md')]);
    const translation = path.join(root, 'locales', 'en', `${SLUG}.json`);
    rmSync(translation);
    execFileSync('mkfifo', [translation]);
    const started = performance.now();
    const result = await build(root, '--format', 'md');
    expect(performance.now() - started).toBeLessThan(20_000); // a hang would wait for ever (test timeout: 30 s)
    expect(result.code).toBe(EXIT.content);
    expect(result.stderr).toContain(
      'content/pipe.md:1:1  error  This is a named pipe (FIFO), not a regular file: Briefing reads only regular files. Replace it by a file, or remove it  briefing:not-a-file',
    );
    expect(result.stderr).toContain(`locales/en/${SLUG}.json:1:1  error  This is a named pipe (FIFO), not a regular file`);
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.fr.md`))).toBe(true);
    expect(existsSync(path.join(root, 'output', 'pipe'))).toBe(false);
    expect(existsSync(path.join(root, 'output', LOCK_FILE))).toBe(false);
  });

  it('a folder named x.md and a symbolic link loop are errors at their place, not an internal error', async () => {
    const root = tempProject();
    mkdirSync(path.join(root, 'content', 'x.md'));
    symlinkSync('loop.md', path.join(root, 'content', 'loop.md'));
    const result = await build(root, '--format', 'md');
    expect(result.code).toBe(EXIT.content);
    expect(result.stderr).toContain('content/x.md:1:1  error  This is a folder, not a regular file');
    expect(result.stderr).toContain('content/loop.md:1:1  error  Cannot read the article: a loop of symbolic links (ELOOP)  briefing:unreadable-article');
    expect(result.stderr).not.toContain('internal error');
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.fr.md`))).toBe(true);
  });

  it('an article that vanishes between listing and reading is an error for that article', async () => {
    const root = tempProject();
    copyArticle(root, 'gone.md');
    const [gone] = (await listSources(projectPaths(root))).filter((source) => source.slug === 'gone');
    rmSync(path.join(root, 'content', 'gone.md'));
    const read = await readSource(gone!);
    expect(read.text).toBeUndefined();
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/gone.md',
        ruleId: 'briefing:unreadable-article',
        message: 'Cannot read the article: it does not exist, or vanished while being read (ENOENT)',
      }),
    ]);
  });

  it('an unreadable article or translation (EACCES) fails only what needs it, with exit 1', async () => {
    const root = tempProject();
    copyArticle(root, 'secret.md');
    chmodSync(path.join(root, 'content', 'secret.md'), 0o000);
    chmodSync(path.join(root, 'locales', 'en', `${SLUG}.json`), 0o000);
    let result: { code: number | null; stderr: string };
    if (process.getuid?.() === 0) {
      // root reads anything whatever its mode: run the bin as nobody, for whom mode 000 means EACCES.
      execFileSync('chmod', ['-R', 'a+rwX', root]);
      chmodSync(path.join(root, 'content', 'secret.md'), 0o000);
      chmodSync(path.join(root, 'locales', 'en', `${SLUG}.json`), 0o000);
      result = await runAs(65534, ['build', '--format', 'md'], root);
    } else {
      result = await build(root, '--format', 'md');
    }
    expect(result.stderr).toContain('content/secret.md:1:1  error  Cannot read the article: permission denied (EACCES)  briefing:unreadable-article');
    expect(result.stderr).toContain(
      `locales/en/${SLUG}.json:1:1  error  Cannot read this file: permission denied (EACCES). Restore it, or make it readable  briefing:unreadable-file`,
    );
    expect(result.code).toBe(EXIT.content);
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.fr.md`))).toBe(true);
    expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.en.md`))).toBe(false);
  });

  it('bounds: .git/ and the output folder are out of bounds, even inside the root; --out outside the project excludes nothing more', () => {
    const root = tempProject();
    const bounds = projectBounds(projectPaths(root, 'public'));
    const real = bounds.root;
    expect(containment(bounds, path.join(real, 'content', 'a.md'))).toEqual({ inside: true });
    expect(containment(bounds, path.join(real, '.git', 'config'))).toEqual({ inside: false, into: 'into .git/' });
    expect(containment(bounds, path.join(real, 'public', 'a', 'a.fr.md'))).toEqual({ inside: false, into: 'into the output folder' });
    expect(containment(bounds, path.join(real, 'output', 'x'))).toEqual({ inside: true }); // not the output folder of this build
    expect(containment(bounds, path.join(real, '..', 'elsewhere'))).toMatchObject({ inside: false });
    expect(projectBounds(projectPaths(root, path.join(tmpdir(), 'site'))).excluded.map((e) => e.name)).toEqual(['.git/']);
  });

  it('the readers refuse a FIFO, sync and async, without opening it for a blocking read', async () => {
    const root = tempProject(['content']);
    const fifo = path.join(root, 'content', 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const bounds = projectBounds(projectPaths(root));
    expect(() => readInputSync(fifo, bounds)).toThrow(/named pipe \(FIFO\)/);
    await expect(readInput(fifo, bounds)).rejects.toThrow(/named pipe \(FIFO\)/);
    await expect(readInput(path.join(root, 'content'), bounds)).rejects.toMatchObject({ ruleId: 'briefing:not-a-file', code: 'ENOTFILE' });
  });
});

describe('reserved article names', () => {
  it('reserves every name the output folder uses for itself', () => {
    for (const name of [INDEX_FILE, MANIFEST_FILE, ...LANGS.map(feedFile)]) expect(reservedSlug(name), name).toBeDefined();
    for (const slug of ['index', 'manifest', 'feed', 'feed.de.xml', 'Index.html']) expect(reservedSlug(slug), slug).toBeDefined();
    for (const slug of ['index-of-prices', 'indexation', 'manifestation', 'feedback', SLUG]) expect(reservedSlug(slug), slug).toBeUndefined();
  });

  it('refuses index.html.md, manifest.json.md and feed.fr.xml.md at their place; the others build, and so does the next build', async () => {
    const root = tempProject();
    for (const name of ['index.html.md', 'manifest.json.md', 'feed.fr.xml.md']) copyArticle(root, name);
    for (const attempt of [1, 2]) {
      const result = await build(root, '--format', 'md');
      expect(result.code, `build ${attempt}`).toBe(EXIT.content);
      expect(result.stderr).toContain(
        'content/index.html.md:1:1  error  The article\'s name "index.html" is reserved: its folder would collide with the output folder\'s own index page (index.html). Rename the file (any name not starting with index, manifest or feed)  briefing:reserved-slug',
      );
      expect(result.stderr).toContain('content/manifest.json.md:1:1  error  The article\'s name "manifest.json" is reserved');
      expect(result.stderr).toContain('content/feed.fr.xml.md:1:1  error  The article\'s name "feed.fr.xml" is reserved');
      expect(result.stderr).not.toContain('EISDIR');
      for (const file of [INDEX_FILE, MANIFEST_FILE, feedFile('fr')]) expect(readFileSync(path.join(root, 'output', file), 'utf8').length).toBeGreaterThan(0);
      expect(existsSync(path.join(root, 'output', SLUG, `${SLUG}.fr.md`))).toBe(true);
    }
  });
});

describe('deleting only inside the output folder', () => {
  it('a tampered manifest plus a symbolic link to a folder elsewhere deletes nothing outside output/', async () => {
    const root = tempProject();
    expect((await build(root, '--format', 'md')).code).toBe(EXIT.ok);
    const victim = outsideFile('victim.md', 'precious');
    const out = path.join(root, 'output');
    symlinkSync(path.dirname(victim), path.join(out, 'evil'));
    const manifestFile = path.join(out, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { outputs: Record<string, unknown>[] };
    const bytes = readFileSync(victim);
    const template = manifest.outputs.find((o) => o.format === 'md' && o.lang === 'fr')!;
    // An article "evil" the manifest claims this tool wrote, whose source is gone: the plan removes its outputs.
    manifest.outputs.push({ ...template, path: 'evil/victim.md', slug: 'evil', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    // And a FIFO recorded as an output must not hang the check.
    execFileSync('mkfifo', [path.join(out, SLUG, 'pipe.md')]);
    manifest.outputs.push({ ...template, path: `${SLUG}/pipe.md`, slug: 'gone-too' });
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const result = await build(root, '--format', 'md');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(result.stderr).toContain('output/evil/victim.md:1:1  warning  Not removed');
    expect(existsSync(path.join(out, SLUG, 'pipe.md'))).toBe(true);
  });

  it('an article folder that is a link to elsewhere gets no writes', async () => {
    const root = tempProject();
    const elsewhere = path.dirname(outsideFile('keep.txt', 'keep'));
    mkdirSync(path.join(root, 'output'));
    symlinkSync(elsewhere, path.join(root, 'output', SLUG));
    const result = await build(root, '--format', 'md');
    expect(result.code).toBe(EXIT.content);
    expect(result.stderr).toContain(`Cannot write the output: ${SLUG}/ in the output folder is a symbolic link; remove it`);
    expect(readdirSync(elsewhere)).toEqual(['keep.txt']);
  });
});

describe('the service’s inputs', () => {
  it('refuses a link into .git/ or the output folder, and skips such articles', async () => {
    const root = tempProject();
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.git', 'config'), SECRET);
    symlinkSync('../.git/config', path.join(root, 'content', 'notes.md'));
    mkdirSync(path.join(root, 'output'));
    writeFileSync(path.join(root, 'output', 'built.md'), 'x');
    symlinkSync('../output/built.md', path.join(root, 'content', 'built.md'));
    const paths = projectPaths(root);
    const realRoot = projectBounds(paths).root;
    expect((await servableSources(paths, realRoot)).map((s) => s.slug)).toEqual([SLUG]);
    await expect(hashFiles(realRoot, [path.join(root, 'content', 'notes.md')], '')).rejects.toBeInstanceOf(OutsideProjectError);
    await expect(hashFiles(realRoot, [path.join(root, 'content', 'built.md')], '')).rejects.toBeInstanceOf(OutsideProjectError);
    // A FIFO hashes as absent (the render then reports it), at once.
    const pipe = path.join(root, 'content', 'pipe.md');
    const absent = await hashFiles(realRoot, [pipe], '');
    execFileSync('mkfifo', [pipe]);
    expect(await hashFiles(realRoot, [pipe], '')).toBe(absent);
  });
});

describe('exit codes', () => {
  it('an internal error exits 4, not 1, and --help documents it', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'not-a-folder'), '');
    const result = await runCli(['build', '--root', root, '--out', path.join(root, 'not-a-folder'), '--format', 'md']);
    expect(result.stderr).toContain('briefing: internal error:');
    expect(result.code).toBe(EXIT.internal);
    expect(EXIT.internal).toBe(4);
    expect((await runCli(['--help'])).stdout).toContain('4 internal error');
  });
});

/** Runs the bundled bin as user `uid` (tests running as root), in `cwd`. */
function runAs(uid: number, args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, uid, gid: uid, env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, CI: 'true', HOME: cwd } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
