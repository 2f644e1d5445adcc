import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** One file of a zip archive: its path inside the archive and its bytes. */
export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/**
 * Reads a zip the way a store does: through its central directory, stored or deflated entries.
 * Enough for the archives `wxt zip` writes (no zip64, no encryption); anything else is an error,
 * and so is an entry that would land outside the target directory.
 */
export async function readZip(file: string): Promise<ZipEntry[]> {
  const zip = await readFile(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`${file}: broken central directory at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const headerExtra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + headerExtra;
    if (name.endsWith('/')) continue;
    if (isAbsolute(name) || normalize(name).startsWith('..')) throw new Error(`${file}: entry ${name} leaves the archive`);
    if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`${file}: broken local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${file}: ${name} uses compression method ${method}`);
    entries.push({ name, bytes: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
  }
  return entries;
}

/** Unpacks a zip into `dir`; returns the paths it wrote, relative to `dir`. */
export async function unzipTo(file: string, dir: string): Promise<string[]> {
  const entries = await readZip(file);
  for (const entry of entries) {
    const target = join(dir, entry.name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, entry.bytes);
  }
  return entries.map((entry) => entry.name);
}
