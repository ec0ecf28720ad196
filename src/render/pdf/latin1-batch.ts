/**
 * pdfkit turns each string it writes into its own `Uint8Array` (`fromBinaryString(data + '\n')`):
 * one per content operator, per object line, per cross-reference entry. A batch keeps consecutive
 * strings as text and turns them into bytes together when `flush` is called (before a byte chunk,
 * or at the end). `Buffer.from(text, 'latin1')` keeps each UTF-16 unit's low byte, as pdfkit's
 * `& 0xff` does: the bytes are the same. Used for stream contents (deflate-memo.ts) and for the
 * file itself (document-writes.ts).
 */
export interface Latin1Batch {
  add(text: string): void;
  flush(): void;
}

export function latin1Batch(push: (bytes: Buffer) => void): Latin1Batch {
  let pending: string[] = [];
  return {
    add(text) {
      pending.push(text);
    },
    flush() {
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      push(Buffer.from(text, 'latin1'));
    },
  };
}
