/**
 * `briefing xliff export` / `import`: the round trip a translator makes through a CAT tool, with
 * the files read back by an independent reader (translate-toolkit's xliff2po for 1.2; the XLIFF
 * 2.0 structure checked with an XML DOM).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { editFile, editJson, hasTool, runCli, translatedProject, treeHashes } from './helpers.js';

const ARTICLE = `---
title: Un alpha *essai* de partenariat
---

Un paragraphe alpha avec de l’*emphase*, du **gras**, un [lien alpha](https://www.example.gouv.fr/page "Titre") et du \`code\` ici.[^1]

## Une section alpha

- premier alpha point
- second point avec **alpha**

> Une citation alpha
> sur deux lignes.

| Colonne alpha | Valeur |
| --- | --- |
| Ligne *alpha* | 12 % |

![Texte alpha de l’image](https://example.org/carte.png "Légende alpha")

Une ligne alpha\\
et la suite.

[^1]: Une note alpha.
`;

const XLF = 'xliff/essai.en.xlf';

/** Every string leaf of a locale tree through `change`. */
function mapLeaves(tree: Record<string, unknown>, change: (text: string) => string): void {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') tree[key] = change(value);
    else mapLeaves(value as Record<string, unknown>, change);
  }
}

/** A project with the article extracted and "translated" (alpha → beta), checked once. */
async function project(): Promise<string> {
  const root = await translatedProject('essai', ARTICLE, {});
  const english = JSON.parse(readFileSync(path.join(root, 'locales/fr/essai.json'), 'utf8'));
  mapLeaves(english, (text) => text.replaceAll('alpha', 'beta'));
  writeFileSync(path.join(root, 'locales/en/essai.json'), `${JSON.stringify(english, null, 2)}\n`);
  expect((await runCli(['check', '--root', root])).code).toBe(0);
  return root;
}

function twin(root: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'briefing-xliff-'));
  cpSync(root, copy, { recursive: true });
  return copy;
}

/** The targets' text edited as a CAT tool would: words only, the tags (inline codes) left alone. */
function editTargets(xml: string, from: string, to: string): string {
  return xml.replace(/<target\b[^>]*>[\s\S]*?<\/target>/g, (target) => target.replace(/>([^<]*)</g, (_, text: string) => `>${text.replaceAll(from, to)}<`));
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('briefing xliff', () => {
  for (const version of ['2.0', '1.2'] as const) {
    it(`round trip (${version}): editing the targets builds the same English as editing the JSON`, async () => {
      const viaXliff = await project();
      const viaJson = twin(viaXliff);
      const exported = await runCli(['xliff', 'export', '--root', viaXliff, '--xliff-version', version]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toContain(`${XLF} (12 units)`);
      editFile(viaXliff, XLF, (xml) => editTargets(xml, 'beta', 'gamma'));
      const imported = await runCli(['xliff', 'import', path.join(viaXliff, XLF), '--root', viaXliff]);
      expect(imported.code, imported.stderr).toBe(0);
      // Every unit but the table cell "Valeur", which has no word to change.
      expect(imported.stdout).toContain('11 translations imported');

      editJson(viaJson, 'locales/en/essai.json', (tree) => mapLeaves(tree, (text) => text.replaceAll('beta', 'gamma')));
      for (const root of [viaXliff, viaJson]) {
        const built = await runCli(['build', '--root', root, '--lang', 'en', '--format', 'md', '--out', path.join(root, 'output')]);
        expect(built.code, built.stderr).toBe(0);
      }
      const english = read(viaXliff, 'output/essai/essai.en.md');
      expect(english).toBe(read(viaJson, 'output/essai/essai.en.md'));
      expect(english).toContain('[lien gamma](https://www.example.gouv.fr/page "Titre")');
      expect(english).toContain('- second point avec **gamma**');
      expect(JSON.parse(read(viaXliff, 'locales/en/essai.json'))).toEqual(JSON.parse(read(viaJson, 'locales/en/essai.json')));
      // Written in the French's key order (the heading before its blocks), as extract writes it.
      expect(read(viaXliff, 'locales/en/essai.json')).toMatch(/"heading": "Une section gamma",\n\s+"1"/);
      // The imported translations are up to date: check passes.
      expect((await runCli(['check', '--root', viaXliff])).stdout).toContain('check passed');
    });

    it(`export then import without edits changes no file (${version})`, async () => {
      const root = await project();
      expect((await runCli(['xliff', 'export', '--root', root, '--xliff-version', version])).code).toBe(0);
      const before = treeHashes(root);
      const imported = await runCli(['xliff', 'import', path.join(root, XLF), '--root', root]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('Locale files are up to date.');
      expect(treeHashes(root)).toEqual(before);
    });
  }

  it('exports a stale unit as needs review, with the French it was translated from', async () => {
    const root = await project();
    editFile(root, 'content/essai.md', (text) => text.replace('Une note alpha.', 'Une note alpha revue.'));
    expect((await runCli(['extract', '--root', root])).code).toBe(0);
    await runCli(['xliff', 'export', '--root', root]);
    const unit20 = unitOf(read(root, XLF), 'notes.1');
    expect(unit20).toMatch(/<segment state="initial" subState="briefing-status:needs-review">/);
    expect(unit20).toContain('<note category="previous-source">French when translated: Une note alpha.</note>');
    await runCli(['xliff', 'export', '--root', root, '--xliff-version', '1.2']);
    const unit12 = unitOf(read(root, XLF), 'notes.1');
    expect(unit12).toContain('<target state="needs-review-translation">Une note beta.</target>');
    expect(unit12).toContain('previous-source: French when translated: Une note alpha.');
    // Confirmed in the CAT tool (state translated, target unchanged): no longer stale.
    editFile(root, XLF, (xml) => xml.replace('state="needs-review-translation"', 'state="translated"'));
    const imported = await runCli(['xliff', 'import', path.join(root, XLF), '--root', root]);
    expect(imported.stdout).toContain('confirmed as still right: notes.1');
    expect((await runCli(['check', '--root', root])).stdout).toContain('check passed');
  });

  it('refuses units whose French changed since the export, placed in the XLIFF file, and writes nothing', async () => {
    const root = await project();
    await runCli(['xliff', 'export', '--root', root]);
    editFile(root, XLF, (xml) => editTargets(xml, 'beta', 'gamma'));
    editFile(root, 'content/essai.md', (text) => text.replace('Une note alpha.', 'Une note alpha revue.'));
    expect((await runCli(['extract', '--root', root])).code).toBe(0);
    const before = treeHashes(path.join(root, 'locales'));
    const imported = await runCli(['xliff', 'import', path.join(root, XLF), '--root', root]);
    expect(imported.code).toBe(1);
    const line =
      read(root, XLF)
        .split('\n')
        .findIndex((l) => l.includes('<unit id="notes.1"')) + 1;
    expect(imported.stderr).toContain(`${XLF}:${line}:5`);
    expect(imported.stderr).toMatch(/The French of unit "notes.1" is not the current French.*briefing:xliff-source-changed/);
    expect(imported.stderr).toContain('Nothing imported');
    expect(treeHashes(path.join(root, 'locales'))).toEqual(before);
  });

  it('explains malformed XML, a DOCTYPE, unknown ids, codes and languages at their place', async () => {
    const root = await project();
    await runCli(['xliff', 'export', '--root', root]);
    const good = read(root, XLF);
    const cases: [string, string, RegExp][] = [
      ['broken', good.replace('</source>', '</sourc>'), /broken\.xlf:\d+:\d+ +error +Not well-formed XML.*briefing:xliff-malformed/],
      ['ampersand', good.replace('Une note beta.', 'Une note & beta.'), /ampersand\.xlf:\d+:\d+ +error +Not well-formed XML: a bare "&"/],
      ['doctype', good.replace('<xliff', '<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<xliff'), /doctype\.xlf:2:1 +error .*DOCTYPE.*briefing:xliff-doctype/],
      ['unknown', good.replace('<unit id="notes.1"', '<unit id="notes.9"'), /unknown\.xlf:\d+:5 +error +Unit "notes.9" is not a unit of essai/],
      ['german', good.replace('trgLang="en"', 'trgLang="de"'), /german\.xlf:3:3 +error +This file translates into "de"/],
      ['code', good.replace('dataRefStart="d1"', 'dataRefStart="d99"'), /code\.xlf:\d+:\d+ +error +Inline code <pc dataRefStart="d99">/],
    ];
    const before = treeHashes(path.join(root, 'locales'));
    for (const [name, xml, expected] of cases) {
      writeFileSync(path.join(root, `${name}.xlf`), xml);
      const result = await runCli(['xliff', 'import', path.join(root, `${name}.xlf`), '--root', root]);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(expected);
    }
    expect(treeHashes(path.join(root, 'locales'))).toEqual(before);
  });

  it('runs the check rules on imported translations, placed at the unit', async () => {
    const root = await project();
    await runCli(['xliff', 'export', '--root', root]);
    // A target that loses its list markers: the shape check of `briefing check` refuses it.
    editFile(root, XLF, (xml) => xml.replace(/(<unit id="sections.une-section-alpha.1"[\s\S]*?)<target>[\s\S]*?<\/target>/, '$1<target>just words</target>'));
    const imported = await runCli(['xliff', 'import', path.join(root, XLF), '--root', root]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(new RegExp(`${XLF.replace('.', '\\.')}:\\d+:\\d+ +error .*key sections.une-section-alpha.1`, 's'));
  });

  it('1.2 files read by translate-toolkit: msgid the French, msgstr the English', async () => {
    if (!hasTool('xliff2po', '--version')) throw new Error('xliff2po (translate-toolkit) is not installed: .ci/run installs it');
    const root = await project();
    await runCli(['xliff', 'export', '--root', root, '--xliff-version', '1.2']);
    const po = path.join(root, 'essai.po');
    execFileSync('xliff2po', ['--progress=none', path.join(root, XLF), po]);
    const entries = poEntries(readFileSync(po, 'utf8'));
    const french = JSON.parse(read(root, 'locales/fr/essai.json'));
    const english = JSON.parse(read(root, 'locales/en/essai.json'));
    expect(entries.get('lead.1')).toEqual({ msgid: french.lead['1'], msgstr: english.lead['1'] });
    expect(entries.get('sections.une-section-alpha.1')).toEqual({
      msgid: '- premier alpha point\n- second point avec **alpha**',
      msgstr: '- premier beta point\n- second point avec **beta**',
    });
    expect(entries.size).toBe(12);
  });

  it('2.0 files are well-formed XLIFF 2.0: every unit a segment, every code its original data', async () => {
    const root = await project();
    await runCli(['xliff', 'export', '--root', root]);
    const doc = new DOMParser().parseFromString(read(root, XLF), 'text/xml');
    const xliff = doc.documentElement!;
    expect([xliff.namespaceURI, xliff.getAttribute('version'), xliff.getAttribute('srcLang'), xliff.getAttribute('trgLang')]).toEqual([
      'urn:oasis:names:tc:xliff:document:2.0',
      '2.0',
      'fr',
      'en',
    ]);
    const units = [...doc.getElementsByTagName('unit')];
    expect(units.map((u) => u.getAttribute('id')).sort()).toEqual(Object.keys(flatKeys(JSON.parse(read(root, 'locales/fr/essai.json')))).sort());
    expect(units.map((u) => u.getAttribute('id')).slice(0, 3)).toEqual(['title', 'lead.1', 'sections.une-section-alpha.heading']);
    for (const unit of units) {
      const data = new Set([...unit.getElementsByTagName('data')].map((d) => d.getAttribute('id')));
      expect(unit.getElementsByTagName('segment')).toHaveLength(1);
      for (const code of [...unit.getElementsByTagName('ph'), ...unit.getElementsByTagName('pc')]) {
        for (const ref of ['dataRef', 'dataRefStart', 'dataRefEnd']) if (code.hasAttribute(ref)) expect(data.has(code.getAttribute(ref))).toBe(true);
      }
    }
    // The link's URL is in a code, never in the text a translator edits.
    const lead = units.find((u) => u.getAttribute('id') === 'lead.1')!;
    const target = lead.getElementsByTagName('target')[0]!;
    expect(textOnly(target)).not.toContain('example.gouv.fr');
    expect(textOnly(target)).toContain('lien beta');
  });

  it('xliff/ is never published by build', async () => {
    const root = await project();
    await runCli(['xliff', 'export', '--root', root]);
    await runCli(['build', '--root', root, '--lang', 'en', '--format', 'md', '--out', path.join(root, 'output')]);
    expect(Object.keys(treeHashes(path.join(root, 'output'))).filter((f) => f.endsWith('.xlf'))).toEqual([]);
  });
});

/** A unit's (2.0) or trans-unit's (1.2) XML. */
function unitOf(xml: string, id: string): string {
  const start = xml.search(new RegExp(`<(unit|trans-unit) id="${id.replace('.', '\\.')}"`));
  return xml.slice(start, xml.indexOf('unit>', start));
}

/** Text nodes only, codes left out. */
function textOnly(node: { childNodes: ArrayLike<unknown> }): string {
  let out = '';
  for (const child of Array.from(node.childNodes) as { nodeType: number; nodeValue: string | null; localName?: string; childNodes: ArrayLike<unknown> }[]) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.localName === 'pc') out += textOnly(child);
  }
  return out;
}

function flatKeys(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatKeys(value as Record<string, unknown>, `${prefix}${key}.`)),
    ),
  );
}

/** PO entries by their `#:` location: msgid and msgstr, unquoted. */
function poEntries(po: string): Map<string, { msgid: string; msgstr: string }> {
  const entries = new Map<string, { msgid: string; msgstr: string }>();
  for (const block of po.split(/\n\n/)) {
    const location = /^#: (.+)$/m.exec(block)?.[1];
    if (!location) continue;
    const field = (name: string) => {
      const match = new RegExp(`^${name} ((?:".*"\\n?)+)`, 'm').exec(`${block}\n`);
      return (match?.[1] ?? '')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string)
        .join('');
    };
    entries.set(location, { msgid: field('msgid'), msgstr: field('msgstr') });
  }
  return entries;
}
