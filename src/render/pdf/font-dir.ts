/** Where the PDF fonts come from: the DejaVu TrueType files of the `dejavu-fonts-ttf` npm package (never system fonts). */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Folder holding the DejaVu TrueType files. */
export const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
