/**
 * The optional logo of a comms team: `templates/logo.png` (or `.jpg`), shown in the HTML masthead
 * (as a data URI: pages stay self-contained) and at the top right of the PDF's first page. No file,
 * no logo. Only PNG and JPEG are accepted (what both pdfkit and every browser read), checked by
 * their first bytes, not their names.
 */
import path from 'node:path';
import { FileProblem } from '../core/errors.js';
import { readOptionalInputSync } from '../project/read-file.js';

export interface Logo {
  file: string;
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
}

const LOGO_FILES = ['logo.png', 'logo.jpg', 'logo.jpeg'] as const;

/** The project's logo, if any. @throws LogoError when the file is not a PNG or JPEG image. */
export function loadLogo(templatesDir: string): Logo | undefined {
  // The first that exists; only the project's own regular file is read (project/read-file.ts).
  let file: string | undefined;
  let data: Buffer | undefined;
  for (const name of LOGO_FILES) {
    file = path.join(templatesDir, name);
    data = readOptionalInputSync(file);
    if (data) break;
  }
  if (!file || !data) return undefined;
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { file, data, mime: 'image/png' };
  if (data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return { file, data, mime: 'image/jpeg' };
  throw new LogoError('briefing:invalid-logo', file, {});
}

/** The logo file is neither PNG nor JPEG; `file` is its path. */
class LogoError extends FileProblem<'briefing:invalid-logo'> {
  override name = 'LogoError';
}

export function logoDataUri(logo: Logo): string {
  return `data:${logo.mime};base64,${logo.data.toString('base64')}`;
}
