/**
 * Just enough of the ZIP format to see what a container holds: the central directory's entries
 * and the bytes of an uncompressed (stored) entry. Office files are ZIP containers, and a file is
 * only the document it claims to be when the entries that make one are there. Reading the central
 * directory (at the end of the file) rather than walking local headers is what every unzip
 * program does, so a file that passes here opens the same way in Word or LibreOffice.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) and a comment of at most 65,535 bytes. */
const MAX_TAIL = 22 + 0xffff;

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Where the central directory lies and how many entries it has, or null when there is none. */
async function findDirectory(handle: fs.promises.FileHandle, size: number) {
  const tailStart = Math.max(0, size - MAX_TAIL);
  const tail = await readAt(handle, tailStart, size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== END_OF_DIRECTORY) continue;
    let count = tail.readUInt16LE(i + 10);
    let length = tail.readUInt32LE(i + 12);
    let offset = tail.readUInt32LE(i + 16);
    if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
      // ZIP64: the real figures are in a record the locator (just before the end record) points to.
      if (i < 20 || tail.readUInt32LE(i - 20) !== ZIP64_LOCATOR) return null;
      const at = tail.readBigUInt64LE(i - 20 + 8);
      // A crafted offset beyond the file (or beyond what a number holds) is not a ZIP.
      if (at > BigInt(size)) return null;
      const record = await readAt(handle, Number(at), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) return null;
      const [count64, length64, offset64] = [32, 40, 48].map((o) => record.readBigUInt64LE(o));
      if ([count64, length64, offset64].some((v) => v === undefined || v > BigInt(size))) return null;
      count = Number(count64);
      length = Number(length64);
      offset = Number(offset64);
    }
    return offset + length <= size ? { count, length, offset } : null;
  }
  return null;
}

/** The entries of the ZIP file at `file`, in directory order, or null when it is not a readable ZIP. */
export async function zipEntries(file: string): Promise<ZipEntry[] | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const directory = await findDirectory(handle, size);
    if (!directory) return null;
    const data = await readAt(handle, directory.offset, directory.length);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let n = 0; n < directory.count; n++) {
      if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
      const nameLength = data.readUInt16LE(at + 28);
      const end = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
      if (end > data.length) return null;
      entries.push({
        name: data.toString('utf8', at + 46, at + 46 + nameLength),
        method: data.readUInt16LE(at + 10),
        compressedSize: data.readUInt32LE(at + 20),
        localHeaderOffset: data.readUInt32LE(at + 42),
      });
      at = end;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The bytes of a stored (uncompressed) entry of at most `maxBytes`, or null when it is not one. */
export async function storedEntry(file: string, entry: ZipEntry, maxBytes: number): Promise<Buffer | null> {
  if (entry.method !== 0 || entry.compressedSize > maxBytes) return null;
  const handle = await fs.promises.open(file, 'r');
  try {
    const header = await readAt(handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) return null;
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const content = await readAt(handle, start, entry.compressedSize);
    return content.length === entry.compressedSize ? content : null;
  } finally {
    await handle.close();
  }
}

/**
 * A ZIP of the given files, stored without compression (PDFs, images and office files are
 * compressed already; a plain container opens everywhere and `storedEntry` reads it back). Names
 * are UTF-8 (flag bit 11); no ZIP64, so the whole must stay below 4 GB.
 */
export function zipStored(files: { name: string; data: Buffer }[], now = new Date()): Buffer {
  const { time, date } = dosDateTime(now);
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const crc = zlib.crc32(file.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(file.data.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, file.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(DIRECTORY_ENTRY, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(file.data.length, 20);
    entry.writeUInt32LE(file.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += 30 + name.length + file.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

function dosDateTime(d: Date) {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
