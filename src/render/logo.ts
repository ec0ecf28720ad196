/**
 * The optional logo of a comms team: `templates/logo.png` (or `.jpg`), shown in the HTML masthead
 * (as a data URI: pages stay self-contained) and at the top right of the PDF's first page. No file,
 * no logo. Only PNG and JPEG are accepted (what both pdfkit and every browser read), checked by
 * their first bytes, not their names. Its bytes and its pixels are bounded (`logoBytes`,
 * `logoPixels`): the dimensions come from the image header (image-size), read before pdfkit or a
 * browser decodes the image at 4 bytes per pixel (a 1.6 MB 20 000 × 20 000 PNG is 1.6 GB decoded).
 */
import path from 'node:path';
import { imageSize } from 'image-size';
import { FileProblem } from '../core/errors.js';
import { limits } from '../core/limits.js';
import { readOptionalInputSync } from '../project/read-file.js';

export interface Logo {
  file: string;
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
}

const LOGO_FILES = ['logo.png', 'logo.jpg', 'logo.jpeg'] as const;

/**
 * The project's logo, if any. @throws FileProblem when the file is not a PNG or JPEG image
 * (`invalid-logo`) or is over a limit (`logo-too-large`).
 */
export function loadLogo(templatesDir: string): Logo | undefined {
  // The first that exists; only the project's own regular file is read (project/read-file.ts).
  for (const name of LOGO_FILES) {
    const file = path.join(templatesDir, name);
    const data = readOptionalInputSync(file);
    if (data) return checkLogo(file, data);
  }
  return undefined;
}

/** Accepts `data` as the logo `file` when it is a PNG or JPEG within the limits. */
export function checkLogo(file: string, data: Buffer): Logo {
  const mime = imageMime(data);
  if (!mime) throw new FileProblem('briefing:invalid-logo', file, {});
  const { logoBytes, logoPixels } = limits();
  if (data.length > logoBytes) throw new FileProblem('briefing:logo-too-large', file, { problem: 'bytes', bytes: data.length, limit: logoBytes });
  let size: { width: number; height: number };
  try {
    size = imageSize(data);
  } catch (error) {
    // A PNG or JPEG signature over a header that cannot be read: not an image either.
    throw new FileProblem('briefing:invalid-logo', file, {}, undefined, { cause: error });
  }
  if (size.width * size.height > logoPixels) {
    throw new FileProblem('briefing:logo-too-large', file, { problem: 'pixels', width: size.width, height: size.height, limit: logoPixels });
  }
  return { file, data, mime };
}

/** `image/png` or `image/jpeg` when `data` starts with that format's signature, else undefined. */
export function imageMime(data: Uint8Array): Logo['mime'] | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, 8));
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? 'image/png' : bytes.subarray(0, 3).equals(JPEG_SIGNATURE) ? 'image/jpeg' : undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

export function logoDataUri(logo: Logo): string {
  return `data:${logo.mime};base64,${logo.data.toString('base64')}`;
}
