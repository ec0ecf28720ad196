import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResourceTree } from '../src/i18n/locale-file.js';
import { renderReview } from '../src/render/review/index.js';
import { wordDiff } from '../src/render/review/diff.js';
import type { ArticleStatus, UnitReport } from '../src/translate/types.js';
import { expectGolden, withStylesheetMarker } from './golden.js';
import { artifactPath, commonResources, commonT, REPO } from './helpers.js';

const EVIL = '<script>alert(1)</script> {{x}} "quotes" & \'apos\'';
const at = (line: number) => ({ line, column: 3 });

const units: UnitReport[] = [
  {
    key: 'title',
    status: 'ok',
    french: 'Microsoft et OpenAI renégocient leur partenariat stratégique',
    translation: 'Microsoft and OpenAI Renegotiate Their Strategic Partnership',
    place: at(2),
  },
  {
    key: 'lead.1',
    status: 'stale',
    french: 'Microsoft a investi près de 14 milliards de dollars dans la société, selon **Axios**.',
    previousFrench: 'Microsoft a investi 13 milliards de dollars dans l’entreprise, selon **Axios**.',
    translation: 'Microsoft has invested $13 billion in the company, according to **Axios**.',
    place: at(4),
  },
  // Obsolete in the middle of the input: the page lists it last.
  {
    key: 'sections.ancienne-section.1',
    status: 'obsolete',
    french: 'Un paragraphe supprimé depuis.',
    translation: 'A paragraph removed since.',
    place: at(5),
  },
  {
    key: 'lead.2',
    status: 'missing',
    french: 'L’initiative intervient alors que les tensions internes et la pression réglementaire s’accentuent.',
    place: at(1),
  },
  {
    key: 'sections.une-alliance-historique-a-redefinir.heading',
    status: 'ok',
    french: `Titre ${EVIL}`,
    translation: `Heading ${EVIL}\nsecond line with [a link](https://example.com)`,
    place: at(9),
  },
  {
    key: 'sections.gone.2',
    status: 'obsolete',
    french: '',
    translation: 'Orphan translation.',
    place: at(12),
  },
];

const status: ArticleStatus = {
  slug: 'microsoft-openai',
  lang: 'en',
  file: 'locales/en/microsoft-openai.json',
  units,
  counts: { total: 4, ok: 2, stale: 1, missing: 1, obsolete: 2 },
  coverage: 50,
};

const html = renderReview(status, { title: `Microsoft & OpenAI ${EVIL}`, t: commonT('en') });

/** The `<tr class="unit …">` rows, with their id and status, in page order. */
function rows(page: string): { id: string; status: string; html: string }[] {
  return [...page.matchAll(/<tr id="([^"]*)" class="unit unit-(\w+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    id: m[1]!,
    status: m[2]!,
    html: m[3]!,
  }));
}

describe('renderReview', () => {
  it('is a self-contained page in the target language', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toMatch(/<style>\n[\s\S]*--ok-fg[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    expect(html).toContain('locales/en/microsoft-openai.json');
  });

  it('shows the summary, the coverage and the legend', () => {
    expect(html).toContain('<p class="summary-text">2 of 4 up to date, 1 stale, 1 missing</p>');
    expect(html).toContain('<p class="coverage">50% up to date</p>');
    for (const [name, label] of [
      ['ok', 'Up to date'],
      ['stale', 'Stale'],
      ['missing', 'Missing'],
      ['obsolete', 'Obsolete'],
    ]) {
      expect(html).toContain(`<li><span class="badge badge-${name}">${label}</span>`);
    }
  });

  it('has one row per unit, in document order, obsolete ones last', () => {
    const found = rows(html);
    expect(found.map((r) => [r.id, r.status])).toEqual([
      ['title', 'ok'],
      ['lead.1', 'stale'],
      ['lead.2', 'missing'],
      ['sections.une-alliance-historique-a-redefinir.heading', 'ok'],
      ['sections.ancienne-section.1', 'obsolete'],
      ['sections.gone.2', 'obsolete'],
    ]);
    for (const row of found) {
      expect(row.html).toContain(`<a href="#${row.id}">${row.id}</a>`);
      expect(row.html).toMatch(new RegExp(`<span class="badge badge-${row.status}">[^<]+</span>`));
    }
    // The obsolete group opens before the first obsolete row only.
    expect(html.match(/<tbody class="obsolete-group">/g)).toHaveLength(1);
    expect(html.indexOf('obsolete-group')).toBeLessThan(html.indexOf('id="sections.ancienne-section.1"'));
    expect(html.indexOf('obsolete-group')).toBeGreaterThan(html.indexOf('id="sections.une-alliance-historique-a-redefinir.heading"'));
  });

  it('shows the French change of a stale unit as a word diff', () => {
    const stale = rows(html).find((r) => r.id === 'lead.1')!;
    const removed = [...stale.html.matchAll(/<del>([^<]*)<\/del>/g)].map((m) => m[1]);
    const added = [...stale.html.matchAll(/<ins>([^<]*)<\/ins>/g)].map((m) => m[1]);
    expect(removed).toEqual(['13', 'l’entreprise']);
    expect(added).toEqual(['près de 14', 'la société']);
    expect(stale.html).toContain('Change in the French since the translation was checked');
    // Only stale rows carry a diff.
    expect(
      rows(html)
        .filter((r) => r.html.includes('class="change"'))
        .map((r) => r.id),
    ).toEqual(['lead.1']);
  });

  it('shows an empty-state hint for missing translations and removed French', () => {
    const missing = rows(html).find((r) => r.id === 'lead.2')!;
    expect(missing.html).toContain('<td class="translation" data-label="Translation"><p class="empty">Not translated yet.</p></td>');
    expect(missing.html).not.toContain('class="location"');
    const gone = rows(html).find((r) => r.id === 'sections.gone.2')!;
    expect(gone.html).toContain('<p class="empty">French text no longer available.</p>');
    expect(gone.html).toContain('<span class="location">line 12</span>');
  });

  it('escapes every untrusted string and shows Markdown as source', () => {
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; {{x}} &quot;quotes&quot; &amp; &#x27;apos&#x27;';
    expect(html).toContain(`<title>Translation review · Microsoft &amp; OpenAI ${escaped} · English</title>`);
    expect(html).toContain(`<h1>Microsoft &amp; OpenAI ${escaped}</h1>`);
    expect(html).toContain(`<div class="text" lang="fr">Titre ${escaped}</div>`);
    expect(html).toContain(`<div class="text">Heading ${escaped}\nsecond line with [a link](https://example.com)</div>`);
    expect(html).toContain('selon **Axios**.');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="https://example.com"');
  });

  it('refuses a stylesheet that could close its <style> element', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-review-')), 'html');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'review.hbs'), readFileSync(path.join(REPO, 'templates', 'html', 'review.hbs')));
    writeFileSync(path.join(dir, 'review.css'), 'p { color: red }</style><script>alert(1)</script>');
    expect(() => renderReview(status, { title: 't', t: commonT('en'), templatesDir: path.dirname(dir) })).toThrow(/<\/style/);
  });

  it('matches the golden page', () => {
    expectGolden('review/expected.html', withStylesheetMarker(html, 'templates/html/review.css'));
    // For a look in a browser.
    writeFileSync(artifactPath('review.html'), html);
  });
});

describe('review interface strings', () => {
  it('exist in both languages', () => {
    const en = commonResources('en').review as ResourceTree;
    const fr = commonResources('fr').review as ResourceTree;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(commonT('fr')('review.summary', { ok: 2, total: 4, stale: 1, missing: 1 })).toBe('2 sur 4 à jour, 1 à revoir, 1 manquantes');
  });
});

describe('wordDiff', () => {
  it('merges runs and keeps whitespace', () => {
    expect(wordDiff('a b c', 'a x c')).toEqual([
      { kind: 'same', text: 'a ', added: false, removed: false },
      { kind: 'removed', text: 'b', added: false, removed: true },
      { kind: 'added', text: 'x', added: true, removed: false },
      { kind: 'same', text: ' c', added: false, removed: false },
    ]);
  });

  it('joins changes separated by spaces into one removed and one added run', () => {
    expect(wordDiff('investi 13 milliards', 'investi près de 14 milliards').map((p) => [p.kind, p.text])).toEqual([
      ['same', 'investi '],
      ['removed', '13'],
      ['added', 'près de 14'],
      ['same', ' milliards'],
    ]);
  });

  it('always rebuilds both texts', () => {
    const texts = [
      '',
      'Un texte.',
      'Microsoft a investi 13 milliards de dollars dans l’entreprise, selon **Axios**.',
      'Microsoft a  investi près de 14 milliards\nde dollars dans la société.',
      'a b c d e f',
      'a x c y e',
      '  espaces   multiples  ',
      'x',
    ];
    for (const before of texts) {
      for (const after of texts) {
        const parts = wordDiff(before, after);
        expect(
          parts
            .filter((p) => p.kind !== 'added')
            .map((p) => p.text)
            .join(''),
        ).toBe(before);
        expect(
          parts
            .filter((p) => p.kind !== 'removed')
            .map((p) => p.text)
            .join(''),
        ).toBe(after);
        expect(parts.every((p) => p.text !== '')).toBe(true);
      }
    }
  });
});

/** WCAG relative luminance contrast of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('review.css', () => {
  const css = readFileSync(path.join(REPO, 'templates', 'html', 'review.css'), 'utf8');
  const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]));

  it('meets WCAG AA contrast for text', () => {
    const pairs: [string, string][] = [
      ['ok-fg', 'ok-bg'],
      ['stale-fg', 'stale-bg'],
      ['stale-fg', 'stale-soft'],
      ['missing-fg', 'missing-bg'],
      ['missing-fg', 'missing-soft'],
      ['obsolete-fg', 'obsolete-bg'],
      ['muted', 'obsolete-row'],
      ['muted', 'obsolete-bg'],
      ['muted', 'head-bg'],
      ['accent', 'head-bg'],
      ['link', 'head-bg'],
      ['link', 'obsolete-row'],
      ['ink', 'stale-soft'],
    ];
    for (const [fg, bg] of pairs) {
      expect(vars[fg], fg).toBeDefined();
      expect(vars[bg], bg).toBeDefined();
      expect(contrast(vars[fg]!, vars[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const fg of ['ink', 'muted', 'accent', 'link', 'ok-fg', 'stale-fg', 'missing-fg', 'obsolete-fg']) {
      expect(contrast(vars[fg]!, '#ffffff'), `${fg} on white`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
