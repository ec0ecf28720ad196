/**
 * i18next interpolation in translator-edited values: placeholders must match the French ones;
 * `$t(…)` nesting and `{{- x}}` unescaped interpolation are refused.
 */
import type { Diagnostic } from '../../core/errors.js';
import { frenchNote, placeAt, report, type RuleContext } from './context.js';
import { pluralBase } from './plurals.js';

interface Placeholder {
  name: string;
  /** `{{- name}}`: i18next inserts the value without escaping. */
  unescaped: boolean;
  offset: number;
  raw: string;
}

/** i18next's default syntax: `{{name}}`, `{{name, format}}`, `{{- name}}`. */
// One unbounded part only (the name is trimmed in code): `\s*` around a lazy `[^{}]*?` backtracks cubically.
const PLACEHOLDER = /\{\{(-?)([^{}]*)\}\}/g;

function placeholdersOf(value: string): Placeholder[] {
  return [...value.matchAll(PLACEHOLDER)].map((m) => ({
    name: (m[2] ?? '').split(',')[0]!.trim(),
    unescaped: m[1] === '-',
    offset: m.index,
    raw: m[0],
  }));
}

const show = (name: string) => `{{${name}}}`;

/**
 * `briefing:placeholder-mismatch`: placeholders are compared by name (the format after "," may
 * differ per language). A plural form is compared with the same form in French, or else with
 * French `_other`; it may leave out or add `{{count}}` (i18next always passes it: "One item" /
 * "{{count}} item").
 */
export function checkPlaceholders(ctx: RuleContext): Diagnostic[] {
  if (!ctx.french) return [];
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    if (entry.value.trim() === '') continue; // untranslated: reported by the status, not here
    const plural = pluralBase(entry.key);
    const frenchKey = ctx.french.has(entry.key) || !plural ? entry.key : `${plural.base}_other`;
    const french = ctx.french.get(frenchKey);
    if (!french) continue;
    const expected = new Set(placeholdersOf(french.value).map((p) => p.name));
    const found = placeholdersOf(entry.value);
    const actual = new Set(found.map((p) => p.name));
    const missing = [...expected].filter((n) => !actual.has(n) && !(plural && n === 'count'));
    const unexpected = [...actual].filter((n) => !expected.has(n) && !(plural && n === 'count'));
    if (missing.length === 0 && unexpected.length === 0) continue;
    const first = unexpected.length ? found.find((p) => p.name === unexpected[0]) : undefined;
    out.push(
      report(
        ctx,
        'briefing:placeholder-mismatch',
        { missing: missing.map(show), unexpected: unexpected.map(show) },
        first ? placeAt(entry, first.offset, ctx.text) : entry.place,
        frenchNote(ctx, frenchKey),
      ),
    );
  }
  return out;
}

/**
 * `briefing:nesting` and `briefing:unescaped-interpolation`, one per occurrence. Markdown code spans
 * are not exempt: i18next does not know Markdown.
 */
export function checkInterpolationSyntax(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    for (const m of entry.value.matchAll(/\$t\(/g)) {
      out.push(report(ctx, 'briefing:nesting', {}, placeAt(entry, m.index, ctx.text), frenchNote(ctx, entry.key)));
    }
    for (const p of placeholdersOf(entry.value)) {
      if (!p.unescaped) continue;
      out.push(
        report(ctx, 'briefing:unescaped-interpolation', { raw: p.raw, escaped: show(p.name) }, placeAt(entry, p.offset, ctx.text), frenchNote(ctx, entry.key)),
      );
    }
  }
  return out;
}
