import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/core/paths.js';
import { packageVersion, toolVersion } from '../src/core/version.js';

describe('toolVersion', () => {
  it("is package.json's version, the same on every call (read once per process)", () => {
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(toolVersion()).toBe(version);
    expect(toolVersion()).toBe(version);
    expect(packageVersion(PACKAGE_ROOT)).toBe(version);
  });
});
