import { describe, expect, it } from 'vitest';
import { readLocaleFile } from '../src/i18n/locale-file.js';

const read = (text: string) => readLocaleFile(text, 'locales/en/a.json');
const places = (text: string) => read(text).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);

describe('locale files', () => {
  it('reads nested strings with the place of each value', () => {
    const file = read('{\n  "title": "T",\n  "sections": {\n    "a": { "heading": "H", "1": "P" }\n  }\n}\n');
    expect(file.diagnostics).toEqual([]);
    expect(file.entries.map((e) => [e.key, e.value, e.place.line, e.place.column])).toEqual([
      ['title', 'T', 2, 12],
      ['sections.a.heading', 'H', 4, 23],
      ['sections.a.1', 'P', 4, 33],
    ]);
    expect(file.resources.sections).toMatchObject({ a: { heading: 'H', 1: 'P' } });
  });

  it('points invalid JSON at its line and column', () => {
    expect(places('{\n  "title": "T",\n  "lead": \n}\n')).toEqual(['locales/en/a.json:4:1 briefing:invalid-json']);
    expect(read('{\n  "title": "T",\n  "lead": \n}\n').diagnostics[0]!.message).toMatch(/^Invalid JSON: Unexpected token/);
    // A trailing comma is placed at the comma, not at the brace where the parser stopped.
    expect(places('{ "a": "x", }')).toEqual(['locales/en/a.json:1:11 briefing:invalid-json']);
  });

  it('finds duplicate keys that JSON.parse would silently drop', () => {
    expect(places('{\n  "title": "A",\n  "title": "B"\n}')).toEqual(['locales/en/a.json:3:3 briefing:duplicate-key']);
    expect(read('{"title": "A", "title": "B"}').entries.map((e) => e.value)).toEqual(['A']);
  });

  it('rejects prototype keys and never pollutes Object.prototype', () => {
    const file = read('{ "__proto__": { "polluted": "yes" }, "constructor": "x", "ok": { "prototype": "y" } }');
    expect(file.diagnostics.map((d) => d.ruleId)).toEqual(['briefing:forbidden-key', 'briefing:forbidden-key', 'briefing:forbidden-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(file.resources)).toEqual(['ok']);
  });

  it('rejects values that are not strings, and dotted keys', () => {
    expect(places('{ "a": 1, "b": [ "x" ], "c": null, "d.e": "x" }')).toEqual([
      'locales/en/a.json:1:8 briefing:non-string-value',
      'locales/en/a.json:1:16 briefing:non-string-value',
      'locales/en/a.json:1:30 briefing:non-string-value',
      'locales/en/a.json:1:36 briefing:invalid-key',
    ]);
    expect(places('[]')).toEqual(['locales/en/a.json:1:1 briefing:invalid-locale']);
  });
});
