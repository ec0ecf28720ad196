/**
 * The CLI's habits, as in vitest/cac and npm: help per command, "did you mean", an option without
 * its value named, values in any case, one `--json`, `--quiet`, the project found from a
 * subfolder, and the project's settings in briefing.config.json (placed errors; flags win).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EPOCH, runCli, tempProject } from './helpers.js';

describe('help', () => {
  it('briefing help <command> and <command> --help print that command only, with its options and examples', async () => {
    const general = await runCli(['--help']);
    expect(general.stdout).toContain('Run `briefing help <command>`');
    expect(general.stdout).not.toContain('Examples:');
    for (const args of [
      ['help', 'build'],
      ['build', '--help'],
    ]) {
      const help = await runCli(args);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^briefing build — Render briefings/);
      expect(help.stdout).toContain('--force');
      expect(help.stdout).toContain('Examples:');
      expect(help.stdout).not.toContain('--accept'); // check's option, not build's
    }
    const check = await runCli(['help', 'check']);
    expect(check.stdout).toContain('--accept KEY');
    expect(check.stdout).not.toContain('--shard');
    expect(await runCli(['help', 'biuld'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Did you mean "build"?') });
  });
});

describe('usage errors say what was meant', () => {
  it.each([
    [['biuld'], 'Unknown command "biuld". Did you mean "build"?'],
    [['build', '--frce'], 'Unknown option "--frce". Did you mean --force?'],
    [['check', '--stirct'], 'Did you mean --strict?'],
    [['build', '--out'], 'Option --out needs a value, e.g. --out DIR.'],
    [['build', '--force=yes'], 'Option --force is a switch: it takes no value'],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('reads values in any case: --lang EN, --format PDF', async () => {
    const root = tempProject();
    const result = await runCli(['build', '--root', root, '--lang', 'FR', '--format', 'MD']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('microsoft-openai.fr.md');
    expect(result.stdout).not.toContain('.pdf');
  });
});

describe('one --json, --quiet, rounded times', () => {
  it('--json works for check and status too, as --format json does', async () => {
    const root = tempProject();
    for (const command of ['check', 'status']) {
      const json = JSON.parse((await runCli([command, '--root', root, '--json'])).stdout) as unknown;
      expect(json).toEqual(JSON.parse((await runCli([command, '--root', root, '--format', 'json'])).stdout));
    }
  });

  it('--quiet prints only problems; build --json gives whole milliseconds', async () => {
    const root = tempProject();
    expect(await runCli(['build', '--root', root, '--quiet'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['check', '--root', root, '-q'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    writeFileSync(path.join(root, 'content', 'microsoft-openai.txt'), '---\ntitle: [oops\n---\nTexte.\n');
    const broken = await runCli(['build', '--root', root, '--quiet']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/content\/microsoft-openai\.txt:2:\d+ +error/);
    const json = JSON.parse((await runCli(['build', '--root', root, '--force', '--json'])).stdout) as { elapsedMs: number; written: { ms: number }[] };
    expect(Number.isInteger(json.elapsedMs)).toBe(true);
    expect(json.written.every((file) => Number.isInteger(file.ms))).toBe(true);
  });
});

describe('the project', () => {
  it('is found from a subfolder', () => {
    const root = tempProject();
    const run = spawnSync(process.execPath, [BIN, 'status', '--json'], {
      cwd: path.join(root, 'locales', 'en'),
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { slug: string }[]).map((row) => row.slug)).toEqual(['microsoft-openai']);
  });

  it('takes its settings from briefing.config.json; a flag wins over the file', async () => {
    const root = tempProject();
    const config = { baseUrl: 'https://www.example.gouv.fr/notes', languages: ['fr'], formats: ['html'], minCoverage: 50 };
    writeFileSync(path.join(root, 'briefing.config.json'), JSON.stringify(config, null, 2));
    const built = await runCli(['build', '--root', root]);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('microsoft-openai.fr.html');
    expect(built.stdout).not.toMatch(/microsoft-openai\.(?:en|fr-en)\.|\.pdf|\.md\b/);
    // The base URL: absolute links in the feed.
    expect(readFileSync(path.join(root, 'output', 'feed.fr.xml'), 'utf8')).toContain('href="https://www.example.gouv.fr/notes/feed.fr.xml"');
    const flag = await runCli(['build', '--root', root, '--format', 'md']);
    expect(flag.stdout).toContain('microsoft-openai.fr.md');
  });

  it('reports a wrong setting at its line and column, with the fix, and runs nothing', async () => {
    const root = tempProject();
    mkdirSync(path.join(root, 'output'), { recursive: true });
    writeFileSync(path.join(root, 'briefing.config.json'), '{\n  "minCoverage": 120,\n  "baseURL": "https://x.fr/",\n  "languages": ["fr", "de"]\n}\n');
    const result = await runCli(['build', '--root', root]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.includes('briefing:invalid-config'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/briefing\.config\.json:2:18 +error +Setting "minCoverage" of briefing\.config\.json must be a percentage from 0 to 100/);
    expect(lines[1]).toMatch(/briefing\.config\.json:3:3 +error +Setting "baseURL" .* must be absent \(did you mean "baseUrl"\?\)/);
    expect(lines[2]).toMatch(/briefing\.config\.json:4:16 +error +Setting "languages" .* must be a list of languages among fr, en/);
    expect(result.stdout).toBe('');
  });
});
