/**
 * Build progress on stderr. On a terminal: one line rewritten in place (done/total, current
 * article, elapsed), erased at the end. In CI (`CI=true`) or when stderr is not a terminal: one
 * plain line per article finished, which logs keep readably.
 */
import type { BuildProgress } from '../publish/build.js';

export interface ProgressSink {
  update(progress: BuildProgress): void;
  /** Erases the live line (terminal mode). */
  end(): void;
}

export interface ProgressTarget {
  write(text: string): void;
  isTTY?: boolean;
  /** Terminal width; 0 or absent when unknown. */
  columns?: number;
}

function interactive(target: ProgressTarget, env: NodeJS.ProcessEnv): boolean {
  return target.isTTY === true && env.CI !== 'true' && env.CI !== '1' && env.TERM !== 'dumb';
}

export function createProgress(target: ProgressTarget, env: NodeJS.ProcessEnv = process.env): ProgressSink {
  const start = performance.now();
  const elapsed = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
  // A slug is a file name: keep terminal control characters out of the line.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in a slug are what this replaces, so a file name cannot move the terminal's cursor
  const name = (slug: string) => slug.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  const counter = (p: BuildProgress) => `[${String(p.done).padStart(String(p.total).length)}/${p.total}]`;
  if (!interactive(target, env)) {
    return {
      update: (p) => {
        if (p.event === 'done') target.write(`${counter(p)} ${name(p.slug)} (${elapsed()})\n`);
      },
      end: () => undefined,
    };
  }
  let shown = false;
  let last = 0;
  return {
    update: (p) => {
      const now = performance.now();
      // Redrawing more than ~20 times a second only costs time.
      if (p.done < p.total && now - last < 50) return;
      last = now;
      // A terminal that reports no width (0) gets the usual 80 columns.
      const columns = target.columns || 80;
      const line = `${counter(p)} ${name(p.slug)}  ${elapsed()}`;
      target.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
      shown = true;
    },
    end: () => {
      if (shown) target.write('\r\x1b[2K');
      shown = false;
    },
  };
}
