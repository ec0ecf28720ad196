/**
 * A new article waiting for its English is a state, not a failure: its French edition is
 * published, the build exits 0 with one "awaiting translation" line (1 under --strict), and an
 * article can lower its own threshold (`briefing: { min-coverage: N }`). Driven through the CLI on
 * temporary projects, as a scheduled job would run it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './helpers.js';

const ARTICLE = '---\ntitle: Les prix du cuivre\n---\n\nLe prix du cuivre a progressé de 3 % en novembre.\n\nLes stocks baissent.\n';

/** The seed project plus `content/cuivre.md`, never extracted (no locales/en/cuivre.json). */
function projectWithNewArticle(source = ARTICLE): string {
  const root = tempProject();
  writeFileSync(path.join(root, 'content', 'cuivre.md'), source);
  return root;
}

const AWAITING = 'awaiting translation: cuivre (0 %, run `briefing extract` then translate locales/en/cuivre.json)';
const built = (root: string, file: string) => existsSync(path.join(root, 'output', 'cuivre', file));

describe('an article awaiting its translation', () => {
  it('gets its French edition, no English one, exit 0 and one awaiting line, build after build', async () => {
    const root = projectWithNewArticle();
    const first = await runCli(['build', '--root', root, '--format', 'html']);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').filter((line) => line.startsWith('awaiting translation'))).toEqual([AWAITING]);
    expect(first.stderr).not.toContain('low-coverage');
    expect(first.stdout).toMatch(/; \d+ unchanged, 1 awaiting translation$/m);
    expect(built(root, 'cuivre.fr.html')).toBe(true);
    expect(built(root, 'cuivre.en.html')).toBe(false);
    const index = readFileSync(path.join(root, 'output', 'index.html'), 'utf8');
    expect(index).toContain('cuivre/cuivre.fr.html');
    expect(index).not.toContain('cuivre/cuivre.en.html');
    // The next tick replays the state from the manifest, without parsing: same answer.
    const second = await runCli(['build', '--root', root, '--format', 'html']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(AWAITING);
    expect(second.stdout).toMatch(/^0 files written/m);
  });

  it('fails the build under --strict, for teams that gate on it; --json lists it', async () => {
    const root = projectWithNewArticle();
    const strict = await runCli(['build', '--root', root, '--format', 'md', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(AWAITING);
    expect(built(root, 'cuivre.fr.md')).toBe(true);
    const json = await runCli(['build', '--root', root, '--format', 'md', '--json']);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout.slice(0, json.stdout.lastIndexOf('}') + 1)) as { exitCode: number; failed: string[]; pending: unknown[] };
    expect(summary).toMatchObject({ exitCode: 0, failed: [], pending: [{ slug: 'cuivre', lang: 'en', coverage: 0, file: 'locales/en/cuivre.json' }] });
  });

  it('still exits 1 on a real failure: a broken translation file is an error at its place', async () => {
    const root = projectWithNewArticle();
    writeFileSync(path.join(root, 'locales', 'en', 'cuivre.json'), '{\n  "title": "Copper",\n}\n');
    const result = await runCli(['build', '--root', root, '--format', 'md']);
    expect(result.code).toBe(1);
    // The trailing comma, at the comma (src/i18n/json-error.ts).
    expect(result.stderr).toMatch(/locales\/en\/cuivre\.json:2:20 +error +Invalid JSON: trailing comma/);
    expect(result.stdout).not.toContain('awaiting translation');
  });
});

describe('a per-article threshold: briefing: { min-coverage: N }', () => {
  it('publishes the English edition at the article’s threshold, and a plain build no longer withdraws it', async () => {
    const root = projectWithNewArticle();
    // Built once with --min-coverage 0, the English edition exists…
    expect((await runCli(['build', '--root', root, '--format', 'html', '--min-coverage', '0'])).code).toBe(0);
    expect(built(root, 'cuivre.en.html')).toBe(true);
    // …and a plain build withdraws it, unless the article says it publishes at 0 %.
    const plain = await runCli(['build', '--root', root, '--format', 'html']);
    expect(plain.stdout).toContain('removed');
    expect(built(root, 'cuivre.en.html')).toBe(false);
    writeFileSync(path.join(root, 'content', 'cuivre.md'), ARTICLE.replace('---\n\n', 'briefing:\n  min-coverage: 0\n---\n\n'));
    const again = await runCli(['build', '--root', root, '--format', 'html']);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('awaiting translation');
    expect(built(root, 'cuivre.en.html')).toBe(true);
    const after = await runCli(['build', '--root', root, '--format', 'html']);
    expect(after.stdout).not.toContain('removed');
    expect(built(root, 'cuivre.en.html')).toBe(true);
  });

  it('a wrong value is an error at its place in the front matter', async () => {
    const root = projectWithNewArticle(ARTICLE.replace('---\n\n', 'briefing: { min-coverage: most }\n---\n\n'));
    const build = await runCli(['build', '--root', root, '--format', 'md']);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/content\/cuivre\.md:3:27 +error +Field "briefing\.min-coverage" must be a whole percentage from 0 to 100/);
  });
});
