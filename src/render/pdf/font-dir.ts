/**
 * Where the PDF fonts come from: the DejaVu TrueType files of the `dejavu-fonts-ttf` npm package,
 * and for emoji and symbols DejaVu lacks, Noto Emoji (SIL OFL 1.1, embedding allowed) from
 * `@expo-google-fonts/noto-emoji`, the npm package that ships it as TrueType. Never system fonts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Folder holding the DejaVu TrueType files. */
export const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The monochrome Noto Emoji TrueType file drawing what no DejaVu font has (emoji, many symbols). */
export const EMOJI_FONT_FILE = path.join(path.dirname(require.resolve('@expo-google-fonts/noto-emoji/package.json')), '400Regular', 'NotoEmoji_400Regular.ttf');
