/**
 * The limits in force: `DEFAULTS.limits`, each optionally replaced for the run by the
 * `BRIEFING_LIMITS` environment variable (`name=value` pairs separated by commas or spaces).
 * Read once per process (worker threads inherit the variable); the command line validates it at
 * start so a misspelt name or a bad value is a usage error (exit 2), not a failed render.
 */
import { DEFAULTS, type LimitName, type Limits } from './defaults.js';
import { UsageError } from './errors.js';

/** Name of the environment variable that overrides limits. */
const LIMITS_VARIABLE = 'BRIEFING_LIMITS';

let current: { raw: string | undefined; limits: Limits } | undefined;

/** The limits in force for this process. @throws UsageError when `BRIEFING_LIMITS` is malformed. */
export function limits(): Limits {
  const raw = process.env[LIMITS_VARIABLE];
  if (current?.raw !== raw || !current) current = { raw, limits: parseLimits(raw) };
  return current.limits;
}

/**
 * The overridden limits as `name=value` pairs in a fixed order, '' when every limit is the
 * default: part of each output's input hash, so a changed limit rebuilds what it may change.
 */
export function limitsFingerprint(): string {
  const active = limits();
  return (Object.keys(DEFAULTS.limits) as LimitName[])
    .filter((name) => active[name] !== DEFAULTS.limits[name])
    .map((name) => `${name}=${active[name]}`)
    .join(',');
}

/** `BRIEFING_LIMITS`'s text → limits; unknown names and values that are not whole numbers ≥ 1 are refused. */
export function parseLimits(raw: string | undefined): Limits {
  const result: Limits = { ...DEFAULTS.limits };
  for (const pair of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=', 2);
    if (!(name in DEFAULTS.limits)) {
      throw new UsageError(`Unknown limit "${name}" in ${LIMITS_VARIABLE}. Use name=value pairs with names from: ${Object.keys(DEFAULTS.limits).join(', ')}.`);
    }
    if (!/^\d{1,15}$/.test(value) || Number(value) < 1) {
      throw new UsageError(`Unexpected value "${pair}" in ${LIMITS_VARIABLE}. Use a whole number ≥ 1, e.g. ${name}=${DEFAULTS.limits[name as LimitName]}.`);
    }
    result[name as LimitName] = Number(value);
  }
  return result;
}
