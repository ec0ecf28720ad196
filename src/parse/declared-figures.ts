/**
 * The front matter's `figures:`: the key figures the article's authors declare, the only ones a
 * briefing shows (docs/writing.md, "Key figures"). Each entry is `{value, label}`; the value is
 * typed (`{amount, currency}`, `{amount, unit}`, `{percent}`, `{count}`, `{date}`, `{year}`, a
 * bare year, a bare `YYYY-MM-DD`) or free text; `figures: false` asks for no box. Every wrong
 * shape is an error placed on the value that is wrong.
 */
import { isMap, isSeq, type Node } from 'yaml';
import type { DeclaredFigure, TypedFigure } from '../core/types.js';
import { ruleDiagnostic } from '../core/errors.js';
import { DEFAULTS } from '../core/defaults.js';
import { readCalendarDate, readText } from './front-matter-values.js';
import { child, isRecord, keyNode, problem, shown, start, type YamlContext } from './yaml-nodes.js';

/** Currencies an amount may be in: the ISO 4217 codes ICU has names for in both languages. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** The shapes of a typed value, as an error names them. */
const SHAPES = '{amount: 2500000, currency: EUR}, {amount: 12, unit: kilometer}, {percent: 15}, {count: 3200}, {date: 2026-11-26}, {year: 2030}';

/** A bare `YYYY-MM-DD` value is a date; any other text is free text. */
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `figures:` (`value`: the YAML value, `node`: its node, for places; `limit`: the theme's
 * cap on cards, `keyFigures.max` in templates/pdf/theme.json). Returns the figures,
 * `false` for no box, or `undefined` when the field is empty or wrong (the errors are reported).
 */
export function readDeclaredFigures(
  value: unknown,
  node: unknown,
  ctx: YamlContext,
  limit: number = DEFAULTS.keyFigureCards,
): DeclaredFigure[] | false | undefined {
  if (value === null || value === undefined) return undefined;
  if (value === false) return false;
  if (!Array.isArray(value)) {
    problem(ctx, 'figures', 'a list of figures (- value: …  label: …), or false for no box', shown(value), node);
    return undefined;
  }
  const items = isSeq(node) ? node.items : [];
  if (value.length > limit) {
    ctx.diagnostics.push(ruleDiagnostic('briefing:too-many-figures', ctx.file, { count: value.length, limit }, ctx.place(start(items[limit]))));
    return undefined;
  }
  const figures: DeclaredFigure[] = [];
  let wrong = false;
  for (const [index, entry] of value.entries()) {
    const figure = readEntry(entry, items[index], `figures[${index + 1}]`, ctx);
    if (figure) figures.push(figure);
    else wrong = true;
  }
  return wrong ? undefined : figures;
}

/** One `{value, label}` entry; `undefined` (and errors) when it is wrong. */
function readEntry(entry: unknown, node: unknown, name: string, ctx: YamlContext): DeclaredFigure | undefined {
  if (!isRecord(entry) || !isMap(node)) {
    problem(ctx, name, 'a mapping with a value and a label (- value: 2030  label: horizon du partenariat)', shown(entry), node);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(entry)) {
    if (key !== 'value' && key !== 'label') {
      problem(ctx, `${name}.${key}`, 'absent: an entry holds a value and a label only', undefined, keyNode(node, key));
      ok = false;
    }
  }
  const label = readText(entry.label);
  const labelNode = child(node, 'label') ?? node;
  if (!('value' in label)) {
    problem(ctx, `${name}.label`, 'a short label on one line (label: investissement initial)', shown(entry.label), labelNode);
    ok = false;
  }
  const value = readValue(entry.value, child(node, 'value') ?? node, `${name}.value`, ctx);
  if (!ok || !value || !('value' in label)) return undefined;
  return { value, label: label.value, labelPlace: ctx.place(start(labelNode)) };
}

/** A figure's value: typed, or free text with its place. */
function readValue(value: unknown, node: unknown, name: string, ctx: YamlContext): DeclaredFigure['value'] | undefined {
  const fail = (expected: string, at: unknown = node, got: unknown = shown(value)) => {
    problem(ctx, name, expected, got, at);
    return undefined;
  };
  if (typeof value === 'number') {
    // A bare whole number is a year (`value: 2030`); every other number says what it counts.
    if (Number.isInteger(value) && value >= 1 && value <= 9999) return { typed: { type: 'year', year: value } };
    return fail(`a year, a text, or one of ${SHAPES}`);
  }
  if (typeof value === 'string' && BARE_DATE.test(value.trim())) {
    const date = readCalendarDate(value, undefined);
    return 'value' in date ? { typed: { type: 'date', date: date.value } } : fail(`a date that exists in the calendar (YYYY-MM-DD)`);
  }
  if (typeof value === 'string') {
    const text = readText(value);
    return 'value' in text ? { text: text.value, place: ctx.place(start(node)) } : fail('a figure: a year, a text, or a typed value');
  }
  if (!isRecord(value) || !isMap(node)) return fail(`a year, a text, or one of ${SHAPES}`);
  const typed = readTyped(value, node, name, ctx);
  return typed ? { typed } : undefined;
}

/** `{amount, currency}`, `{amount, unit}`, `{percent}`, `{count}`, `{date}` or `{year}`. */
function readTyped(value: Record<string, unknown>, node: Node, name: string, ctx: YamlContext): TypedFigure | undefined {
  const keys = Object.keys(value).sort().join(',');
  const at = (key: string) => child(node, key) ?? node;
  const fail = (field: string, expected: string, got: unknown = shown(value[field])) => {
    problem(ctx, `${name}.${field}`, expected, got, at(field));
    return undefined;
  };
  const number = (field: string): number | undefined => {
    const n = value[field];
    return typeof n === 'number' && Number.isFinite(n) ? n : fail(field, 'a number (write 2500000, not "2,5 millions")');
  };
  switch (keys) {
    case 'amount,currency': {
      const amount = number('amount');
      const currency = typeof value.currency === 'string' ? value.currency.toUpperCase() : '';
      if (!CURRENCIES.has(currency)) return fail('currency', 'an ISO 4217 currency code (EUR, USD, GBP, CHF, CAD, XOF…)');
      return amount === undefined ? undefined : { type: 'amount', amount, currency };
    }
    case 'amount,unit': {
      const amount = number('amount');
      const unit = typeof value.unit === 'string' ? value.unit.trim() : '';
      if (!isUnit(unit)) return fail('unit', 'a unit Intl.NumberFormat knows, such as kilometer, hectare, kilogram, liter, megabyte');
      return amount === undefined ? undefined : { type: 'quantity', amount, unit };
    }
    case 'percent': {
      const percent = number('percent');
      return percent === undefined ? undefined : { type: 'percent', percent };
    }
    case 'count': {
      const count = number('count');
      return count === undefined ? undefined : { type: 'count', count };
    }
    case 'year': {
      const year = value.year;
      return typeof year === 'number' && Number.isInteger(year) && year >= 1 && year <= 9999 ? { type: 'year', year } : fail('year', 'a year (2030)');
    }
    case 'date': {
      const date = readCalendarDate(value.date, undefined);
      return 'value' in date ? { type: 'date', date: date.value } : fail('date', 'a date as YYYY-MM-DD');
    }
    default:
      problem(ctx, name, `one of ${SHAPES}`, shown(value), node);
      return undefined;
  }
}

/** Whether `unit` is one of the units ICU formats in every language (`style: 'unit'`). */
function isUnit(unit: string): boolean {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(unit)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'unit', unit });
    return true;
  } catch {
    return false;
  }
}
