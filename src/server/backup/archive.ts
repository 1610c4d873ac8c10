/**
 * A small ustar writer and reader, enough for Lotse's own backup files: plain files with names we
 * choose, streamed, so that gigabytes of documents never sit in memory. Written here rather than
 * taken from a package because the format is a few lines and a backup tool should carry few
 * dependencies; the result is an ordinary .tar.gz that `tar -xzf` also opens.
 */
import { Readable } from 'node:stream';

const BLOCK = 512;
/** The ustar size field holds 11 octal digits. */
const MAX_SIZE = 8 ** 11 - 1;

export interface TarEntry {
  name: string;
  size: number;
  /** The content, exactly `size` bytes. */
  content: () => AsyncIterable<Buffer> | Iterable<Buffer>;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  if (size > MAX_SIZE) throw new Error(`tar entry too large (8 GiB at most): ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write(' '.repeat(8), 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The entries as one tar stream; an entry whose content is not its announced size fails it. */
export function tarStream(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>): Readable {
  const mtime = Math.floor(Date.now() / 1000);
  async function* blocks() {
    for await (const entry of entries) {
      yield header(entry.name, entry.size, mtime);
      let written = 0;
      for await (const chunk of entry.content()) {
        written += chunk.length;
        if (written > entry.size) break;
        yield chunk;
      }
      if (written !== entry.size)
        throw new Error(`${entry.name} changed while it was archived (${written} of ${entry.size} bytes)`);
      yield padding(entry.size);
    }
    yield Buffer.alloc(2 * BLOCK);
  }
  return Readable.from(blocks(), { objectMode: false });
}

/** Exact reads from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private ended = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  /** Up to `max` bytes (at least one) of what is buffered or arrives next; null at the end. */
  private async some(max: number): Promise<Buffer | null> {
    if (!(await this.fill(1))) return null;
    const all = this.buffered.length === 1 ? (this.buffered[0] as Buffer) : Buffer.concat(this.buffered);
    const out = all.subarray(0, max);
    const rest = all.subarray(out.length);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  async take(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) return null;
    return this.some(n);
  }

  /** The next `n` bytes in chunks; `progress.left` says how many a consumer that stopped early left. */
  async *stream(n: number, progress: { left: number }): AsyncGenerator<Buffer> {
    progress.left = n;
    while (progress.left > 0) {
      const chunk = await this.some(progress.left);
      if (!chunk) throw new Error('the archive ends in the middle of a file');
      progress.left -= chunk.length;
      yield chunk;
    }
  }
}

function parseOctal(field: Buffer): number {
  const text = field.toString('ascii').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(text)) throw new Error('not a tar archive (a header field is not a number)');
  return Number.parseInt(text, 8);
}

/**
 * The entries of a tar stream in order. Each entry's content must be read (or left) before the
 * next is asked for; what is left is skipped.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<{
  name: string;
  size: number;
  content: AsyncGenerator<Buffer>;
}> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    const h = await reader.take(BLOCK);
    if (!h) throw new Error('the archive ends without its end marker');
    if (h.every((b) => b === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
    if (sum !== parseOctal(h.subarray(148, 156))) throw new Error('not a tar archive (header checksum)');
    const type = String.fromCharCode(h[156] as number);
    const prefix = h.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const base = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const name = prefix ? `${prefix}/${base}` : base;
    const size = parseOctal(h.subarray(124, 136));
    if (type !== '0' && type !== '\0') throw new Error(`unexpected entry ${name} (not a plain file)`);
    const progress = { left: size };
    yield { name, size, content: reader.stream(size, progress) };
    // What the consumer did not read (it may have stopped early) is skipped, then the padding.
    const rest = progress.left + padding(size).length;
    for await (const _ of reader.stream(rest, { left: rest })) {
      // skipped
    }
  }
}
