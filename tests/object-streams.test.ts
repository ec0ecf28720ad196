/**
 * Object streams (src/render/pdf/object-streams.ts): the packed file holds the same objects as
 * pdfkit's, read back by qpdf, with every dictionary inside one /ObjStm; what it does not expect
 * is left as it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { packObjectStreams } from '../src/render/pdf/object-streams.js';
import { hasTool } from './helpers.js';

const TOOLS = hasTool('qpdf', '--version');
if (!TOOLS && process.env.CI) throw new Error('qpdf is required to test object streams');

const dir = mkdtempSync(path.join(tmpdir(), 'briefing-objstm-'));

/** A small pdfkit file (standard font, link, outline, two pages) as pdfkit writes it. */
function pdfkitFile(pdfVersion: '1.3' | '1.7'): Promise<Buffer> {
  const doc = new PDFDocument({ pdfVersion, info: { Title: 'Essai (1)', CreationDate: new Date(0) }, tagged: pdfVersion === '1.7', lang: 'fr' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica').text('Bonjour « endobj » stream', { link: 'https://example.org/' });
  doc.outline.addItem('Une section');
  doc.addPage().text('Page 2');
  doc.end();
  return done;
}

function qpdfObjects(bytes: Buffer, name: string): Record<string, unknown> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', file], { encoding: 'utf8' }));
  return json.qpdf[1];
}

describe.skipIf(!TOOLS)('packObjectStreams', () => {
  it('keeps every object and moves the dictionaries into one object stream', async () => {
    const original = await pdfkitFile('1.7');
    const packed = packObjectStreams(original);
    expect(packed.length).toBeLessThan(original.length);
    const before = qpdfObjects(original, 'before.pdf');
    const after = qpdfObjects(packed, 'after.pdf');
    const added = Object.keys(after).filter((key) => !(key in before));
    expect(added.map((key) => (after[key] as { stream: { dict: Record<string, string> } }).stream.dict['/Type']).sort()).toEqual(['/ObjStm', '/XRef']);
    for (const [key, value] of Object.entries(before)) {
      if (key === 'trailer') continue;
      expect(after[key], key).toEqual(value);
    }
    // Only streams are left outside the object stream.
    const loose = [...packed.toString('latin1').matchAll(/\n(\d+) 0 obj\n<<[\s\S]*?>>\n(stream|endobj)/g)].filter((m) => m[2] !== 'stream');
    expect(loose).toEqual([]);
    expect(packObjectStreams(original).equals(packed)).toBe(true);
  });

  it('indexes more objects than 16 bits count', () => {
    // A hand-written file laid out as pdfkit writes one: catalog, empty page tree, 70 000 small dictionaries.
    const count = 70_002;
    const parts = ['%PDF-1.7\n'];
    const offsets: number[] = [];
    let length = parts[0]?.length ?? 0;
    for (let id = 1; id <= count; id++) {
      const body = id === 1 ? '<< /Type /Catalog /Pages 2 0 R >>' : id === 2 ? '<< /Type /Pages /Kids [] /Count 0 >>' : `<< /N ${id} >>`;
      const object = `${id} 0 obj\n${body}\nendobj\n`;
      offsets.push(length);
      parts.push(object);
      length += object.length;
    }
    parts.push(`xref\n0 ${count + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`));
    parts.push(`trailer\n<<\n/Size ${count + 1}\n/Root 1 0 R\n>>\nstartxref\n${length}\n%%EOF\n`);
    const packed = packObjectStreams(Buffer.from(parts.join(''), 'latin1'));
    expect(packed.toString('latin1')).toContain('/W [1 3 3]');
    const file = path.join(dir, 'many.pdf');
    writeFileSync(file, packed);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('qpdf', ['--show-object=70002', file], { encoding: 'utf8' }).trim()).toBe('<< /N 70002 >>');
  });

  it('leaves PDF 1.3 and what is not a pdfkit file as they are', async () => {
    const old = await pdfkitFile('1.3');
    expect(packObjectStreams(old)).toBe(old);
    for (const bytes of [Buffer.alloc(0), Buffer.from('%PDF-1.7\nnot really\nstartxref\n5\n%%EOF\n')]) expect(packObjectStreams(bytes)).toBe(bytes);
  });
});
