/**
 * The build record (src/publish/build-record.ts): a build that finds nothing changed since a no-op
 * replays that no-op's report without planning; anything the plan depends on makes it plan again.
 * The stat caches only trust files whose last change is older than their racy window, so the
 * clock (Date only) is moved on before each no-op, as time passes between a user's builds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProject, type BuildOptions } from '../src/publish/build.js';
import { projectPaths } from '../src/core/paths.js';
import type { Format, Lang } from '../src/core/types.js';
import { BUILD_RECORD_FILE } from '../src/publish/build-record.js';
import { EPOCH, REPO, tempProject } from './helpers.js';

const SLUG = 'microsoft-openai';
const PNG = path.join(REPO, 'tests', 'fixtures', 'images', 'plan.png');
const article = (front: string, body = '') =>
  `---\ntitle: Les prix du cuivre\n${front}briefing:\n  min-coverage: 0\n---\n\nLe prix du cuivre a progressé de 3 % en novembre.\n\n${body}Les stocks baissent.\n`;

afterEach(() => {
  vi.useRealTimers();
});

/** A build of `root` (in-process), counting the builds that planned. */
function builder(root: string) {
  let planned = 0;
  let clock = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  const run = async (options: Partial<BuildOptions> = {}, epoch = EPOCH) => {
    // Past every stat cache's racy window since the last build.
    clock += 10_000;
    vi.setSystemTime(clock);
    const before = planned;
    const report = await buildProject({
      paths: projectPaths(root),
      langs: ['fr', 'en'] as Lang[],
      formats: ['md', 'html'] as Format[],
      env: { SOURCE_DATE_EPOCH: epoch },
      onPlan: () => planned++,
      ...options,
    });
    return { report, planned: planned > before };
  };
  return run;
}

const out = (root: string, file: string) => path.join(root, 'output', file);

describe('the build record', () => {
  it('replays a no-op without planning, with the same report', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'cuivre.md'), article(''));
    const build = builder(root);
    expect((await build()).planned).toBe(true); // renders
    const first = await build(); // a no-op that plans, and records
    expect(first.planned).toBe(true);
    expect(first.report.rendered).toBe(0);
    expect(readFileSync(out(root, BUILD_RECORD_FILE), 'utf8')).toContain('"key"');
    const second = await build();
    expect(second.planned).toBe(false);
    expect(second.report).toEqual(first.report);
    expect((await build()).planned).toBe(false);
    // --force never replays, and removes the record.
    expect((await build({ force: true })).report.rendered).toBe(2);
  });

  it('plans again, and does the right thing, after any change the plan depends on', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'cuivre.md'), article(''));
    const build = builder(root);
    await build();
    /** Settles into a replayed no-op: the state each change below starts from. */
    const settle = async (options: Partial<BuildOptions> = {}, epoch = EPOCH) => {
      // One build may still render (after an option's change), the next plans a no-op and records it.
      await build(options, epoch);
      const recorded = await build(options, epoch);
      const replay = await build(options, epoch);
      expect(replay.report).toEqual(recorded.report);
      expect(replay.planned).toBe(false);
    };
    /** After `change`, the next build plans and renders `rendered` articles (or removes `removed` files). */
    const expectPlan = async (
      change: () => void,
      expected: { rendered?: number; removed?: number; written?: boolean },
      options: Partial<BuildOptions> = {},
      epoch = EPOCH,
    ) => {
      await settle();
      change();
      const { report, planned } = await build(options, epoch);
      expect(planned).toBe(true);
      if (expected.rendered !== undefined) expect(report.rendered).toBe(expected.rendered);
      if (expected.removed !== undefined) expect(report.removed).toHaveLength(expected.removed);
      if (expected.written !== undefined) expect(report.written.length > 0).toBe(expected.written);
    };
    const content = (file: string) => path.join(root, 'content', file);
    // An article edited, added, removed.
    await expectPlan(() => appendFileSync(content('cuivre.md'), '\nLa demande chinoise ralentit.\n'), { rendered: 1 });
    await expectPlan(() => writeFileSync(content('zinc.md'), article('').replace('cuivre', 'zinc')), { rendered: 1 });
    await expectPlan(() => rmSync(content('zinc.md')), { rendered: 0, removed: 6 });
    // A translation, common.json, a template.
    await expectPlan(() => appendFileSync(path.join(root, 'locales', 'en', `${SLUG}.json`), ' '), { rendered: 1 });
    await expectPlan(() => appendFileSync(path.join(root, 'locales', 'en', 'common.json'), '\n'), { rendered: 2 });
    await expectPlan(() => appendFileSync(path.join(root, 'templates', 'style.css'), '\n/* edited */\n'), { rendered: 2 });
    // An image: absent where the article looks for it, then added, then changed.
    await expectPlan(() => writeFileSync(content('cuivre.md'), article('', '![Plan](images/plan.png)\n\n')), { rendered: 1 });
    await expectPlan(
      () => {
        mkdirSync(content('images'), { recursive: true });
        cpSync(PNG, content('images/plan.png'));
      },
      { rendered: 1 },
    );
    await expectPlan(() => appendFileSync(content('images/plan.png'), Buffer.from([0])), { rendered: 1 });
    // An output edited by hand, one deleted, the manifest edited.
    await expectPlan(() => appendFileSync(out(root, 'cuivre/cuivre.fr.md'), 'edited\n'), { rendered: 1 });
    expect(readFileSync(out(root, 'cuivre/cuivre.fr.md'), 'utf8')).not.toContain('edited'); // rebuilt
    await expectPlan(() => rmSync(out(root, 'cuivre/cuivre.en.md')), { rendered: 1 });
    readFileSync(out(root, 'cuivre/cuivre.en.md'));
    await expectPlan(() => appendFileSync(out(root, 'manifest.json'), '\n'), {});
    expect(readFileSync(out(root, 'manifest.json'), 'utf8').endsWith('\n\n')).toBe(false); // written again
    await expectPlan(() => rmSync(out(root, 'feed.en.xml')), { written: true });
    // Options: langs, formats, --min-coverage, --base-url.
    await expectPlan(() => undefined, {}, { langs: ['fr'] });
    await expectPlan(() => undefined, {}, { formats: ['md'] });
    await expectPlan(() => undefined, {}, { minCoverage: 50 });
    await expectPlan(() => undefined, { rendered: 2 }, { baseUrl: 'https://example.org/' });
    await expectPlan(() => undefined, {}, { internalPage: false });
    // The tool's version, as BRIEFING_LIMITS changes it.
    await settle();
    const limits = process.env.BRIEFING_LIMITS;
    process.env.BRIEFING_LIMITS = 'articleBytes=9000000';
    try {
      expect((await build()).planned).toBe(true);
    } finally {
      if (limits === undefined) delete process.env.BRIEFING_LIMITS;
      else process.env.BRIEFING_LIMITS = limits;
    }
  });

  it('plans again when an embargo lifts as the clock passes it', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'cuivre.md'), article('embargo: 2026-11-27T09:00:00+01:00\n'));
    const build = builder(root);
    const before = String(Date.parse('2026-11-27T07:00:00Z') / 1000);
    const after = String(Date.parse('2026-11-27T09:00:00Z') / 1000);
    await build({}, before);
    await build({}, before);
    expect((await build({}, before)).planned).toBe(false);
    const lifted = await build({}, after);
    expect(lifted.planned).toBe(true);
    expect(lifted.report.rendered).toBe(1);
    expect(readFileSync(out(root, 'cuivre/cuivre.fr.md'), 'utf8')).not.toContain('EMBARGO');
  });

  it('plans again for a file modified within the racy window, and never replays a damaged record', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'cuivre.md'), article(''));
    const build = builder(root);
    await build();
    await build();
    expect((await build()).planned).toBe(false);
    // Same size, same second: only its bytes tell.
    const file = path.join(root, 'content', 'cuivre.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('3 %', '4 %'));
    const edited = await build();
    expect(edited.planned).toBe(true);
    expect(edited.report.rendered).toBe(1);
    await build();
    writeFileSync(out(root, BUILD_RECORD_FILE), '{"version":1,"key":');
    expect((await build()).planned).toBe(true);
  });
});
