/** Writes out a tar archive's folders and regular files: all that the archives packed in @sparticuz/chromium hold. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

const BLOCK = 512;

/** Unpacks `archive` (a whole tar file, uncompressed) into the folder `into`; throws on any other kind of entry, or one that would land outside `into`. */
export function untar(archive: Buffer, into: string): void {
  const root = resolve(into);
  for (let at = 0; at + BLOCK <= archive.length; ) {
    const header = archive.subarray(at, at + BLOCK);
    // Two zero blocks end the archive.
    if (header.every((byte) => byte === 0)) return;
    // A field runs to its first NUL, or to its end.
    const text = (from: number, length: number) => header.toString('latin1', from, from + length).split('\0', 1)[0] ?? '';
    // A POSIX ustar header may split a long name into a prefix; a GNU one keeps other fields there.
    const prefix = text(257, 6) === 'ustar' && text(263, 2) === '00' ? text(345, 155) : '';
    const name = prefix === '' ? text(0, 100) : `${prefix}/${text(0, 100)}`;
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    const body = archive.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;

    const target = resolve(root, name);
    if (target !== root && !target.startsWith(root + sep)) throw new Error(`tar entry ${name} would land outside ${root}`);
    if (type === '5') {
      mkdirSync(target, { recursive: true });
    } else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, body, { mode: Number.parseInt(text(100, 8).trim() || '644', 8) & 0o777 });
    } else {
      throw new Error(`tar entry ${name} is of type ${type}; only folders and regular files are unpacked`);
    }
  }
}
