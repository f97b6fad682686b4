import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BadInputError } from '../errors.js';
import { kindFromExtension } from './input-kind.js';
import { describeFsError } from './read-input.js';

/**
 * Expands input paths into the files to read, in order: directories recursively (entries sorted by
 * name, hidden entries and unsupported extensions skipped), files as named (an unsupported type is
 * reported when read), `-` (stdin) kept. A path that cannot be found throws BadInputError.
 */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const path of paths) {
    if (path === '-') {
      add(path);
      continue;
    }
    const info = await statOrThrow(path);
    if (info.isDirectory()) {
      for (const file of await walk(path, new Set())) add(file);
    } else {
      add(path);
    }
  }
  return files;
}

async function walk(dir: string, visited: Set<string>): Promise<string[]> {
  // Symbolic links can loop back to a directory already being listed.
  const real = await realpath(dir).catch((error: unknown) => {
    throw new BadInputError(dir, describeFsError(error));
  });
  if (visited.has(real)) return [];
  visited.add(real);
  const names = await readdir(dir).catch((error: unknown) => {
    throw new BadInputError(dir, describeFsError(error));
  });
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    // A dangling link inside a directory is skipped like any other unreadable entry.
    if (info === null) continue;
    if (info.isDirectory()) files.push(...(await walk(path, visited)));
    else if (info.isFile() && typeof kindFromExtension(name) === 'string') files.push(path);
  }
  return files;
}

async function statOrThrow(path: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path);
  } catch (error) {
    throw new BadInputError(path, describeFsError(error));
  }
}
