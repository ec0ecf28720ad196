/** Where a command prints: the console, or lines captured by a test. */
import type { ProgressTarget } from './progress.js';

/** Where a command prints (injectable for tests). */
export interface Output {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Where live build progress goes (the real stderr); none when output is captured. */
  progress?: ProgressTarget;
}

export const consoleOutput: Output = { stdout: (line) => console.log(line), stderr: (line) => console.error(line), progress: process.stderr };
