/**
 * An image is an input (docs/parsing.md, "Images"): the images an article shows are found by a
 * scan of its text, and changing, adding or removing one rebuilds that article's outputs (and no
 * other's); `briefing serve` renders it again and its live preview reloads.
 */
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundsOfRoot } from '../src/project/bounds.js';
import { imageCandidates, imageInputs } from '../src/project/image-inputs.js';
import type { BriefingServer } from '../src/serve/server.js';
import { FIXTURES, runCli, tempProject } from './helpers.js';
import { events, raw, serveProject } from './serve-helpers.js';

const PLAN = path.join(FIXTURES, 'images', 'plan.png');

const ARTICLE = `---
title: Des figures
---

Un plan.

![Plan du quartier](images/plan.png)

![Carte du site](/static/carte.png)
`;

/** A copy of the seed project with an article `figures` showing two local images (one site-relative). */
function figuresProject(): string {
  const root = tempProject();
  mkdirSync(path.join(root, 'content', 'images'));
  mkdirSync(path.join(root, 'static'));
  copyFileSync(PLAN, path.join(root, 'content', 'images', 'plan.png'));
  copyFileSync(PLAN, path.join(root, 'static', 'carte.png'));
  writeFileSync(path.join(root, 'content', 'figures.md'), ARTICLE);
  return root;
}

/** A new version of a PNG: bytes after its end chunk change the file, not the picture. */
const touch = (file: string) => appendFileSync(file, Buffer.from([0]));

interface Summary {
  exitCode: number;
  rendered: number;
  written: { path: string }[];
}

/** The briefing files a `--json` build wrote, as `<slug>/<name>`. */
async function build(root: string): Promise<string[]> {
  const result = await runCli(['build', '--root', root, '--json', '--lang', 'fr', '--format', 'md,html']);
  const summary = JSON.parse(result.stdout) as Summary;
  expect(summary.exitCode).toBe(0);
  return summary.written
    .map((w) => path.relative(path.join(root, 'output'), path.resolve(w.path)).split(path.sep).join('/'))
    .filter((p) => p.includes('/'))
    .sort();
}

const FIGURES = ['figures/figures.fr.html', 'figures/figures.fr.md'];

describe('images as build inputs', () => {
  let root: string;
  beforeAll(async () => {
    root = figuresProject();
    expect(await build(root)).toEqual([...FIGURES, 'microsoft-openai/microsoft-openai.fr.html', 'microsoft-openai/microsoft-openai.fr.md']);
  }, 60_000);

  it('rebuilds nothing when no image changed', async () => {
    expect(await build(root)).toEqual([]);
  });

  it("rebuilds the article's outputs, and only them, when an image's bytes change (relative or site-relative)", async () => {
    touch(path.join(root, 'content', 'images', 'plan.png'));
    expect(await build(root)).toEqual(FIGURES);
    touch(path.join(root, 'static', 'carte.png'));
    expect(await build(root)).toEqual(FIGURES);
    expect(await build(root)).toEqual([]);
  });

  it('rebuilds when an image is removed, added back, or replaced by a symbolic link', async () => {
    const plan = path.join(root, 'content', 'images', 'plan.png');
    rmSync(plan);
    expect(await build(root)).toEqual(FIGURES);
    expect(readFileSync(path.join(root, 'output', 'figures', 'figures.fr.html'), 'utf8')).toContain('image-frame');
    copyFileSync(PLAN, plan);
    expect(await build(root)).toEqual(FIGURES);
    rmSync(plan);
    symlinkSync(PLAN, plan);
    expect(await build(root)).toEqual(FIGURES);
  });
});

describe('finding the images an article may show', () => {
  it('finds Markdown, HTML and shortcode addresses ending in .png, .jpg or .jpeg, each once', () => {
    const text = [
      '![a](images/a.png "Titre") et [![b](./b.JPG)](https://ex.fr)',
      '<img src="/static/c.jpeg?w=300" alt="c"> <img src=d.png>',
      '{{< figure src="e.jpg" caption="Une figure" >}}',
      '![a encore](images/a.png) https://ex.fr/distante.png',
      'pas une image : fichier.pdf, archive.png.zip, images/',
    ].join('\n');
    expect(imageCandidates(text)).toEqual(['images/a.png', './b.JPG', '/static/c.jpeg?w=300', 'd.png', 'e.jpg', 'https://ex.fr/distante.png']);
  });

  it('states each local one: its hash, absent, or refused without reading it (outside, link)', async () => {
    const root = figuresProject();
    const article = path.join(root, 'content', 'figures.md');
    symlinkSync(PLAN, path.join(root, 'content', 'images', 'lien.png'));
    const text = '![](images/plan.png) ![](images/absente.png) ![](../../dehors.png) ![](images/lien.png) ![](https://ex.fr/x.png)';
    const found = await imageInputs(text, article, root, boundsOfRoot(root));
    expect(found.map((image) => [image.file, image.state.length === 64 ? 'sha256' : image.state])).toEqual([
      ['../dehors.png', 'refused:outside'],
      ['content/images/absente.png', 'absent'],
      ['content/images/lien.png', 'refused:symlink'],
      ['content/images/plan.png', 'sha256'],
    ]);
  });
});

describe('images in briefing serve', () => {
  let server: BriefingServer;
  let root: string;
  const page = '/briefings/figures/figures.fr.html';
  const dataUris = async () => [...(await raw(server, page)).text.matchAll(/src="(data:image\/png;base64,[^"]+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    ({ server, root } = await serveProject({}, figuresProject()));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('renders the new bytes after an image is edited, and serves the cached render while it is not', async () => {
    const before = await dataUris();
    expect(before).toHaveLength(2);
    const renders = server.renderer.cache.renders;
    expect(await dataUris()).toEqual(before);
    expect(server.renderer.cache.renders).toBe(renders);
    touch(path.join(root, 'content', 'images', 'plan.png'));
    const after = await dataUris();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });

  it('tells a previewed page to reload when an image outside content/ changes', async () => {
    const version = (await raw(server, page)).headers.etag!.replace(/^"|-live"$/g, '');
    const stream = await events(server, 'figures.fr.html', version, 'figures');
    try {
      await expect(stream.next('reload', 1500)).rejects.toThrow();
      touch(path.join(root, 'static', 'carte.png'));
      await stream.next('reload');
    } finally {
      stream.close();
    }
  });
});
