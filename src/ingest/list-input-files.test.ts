import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { listInputFiles } from './list-input-files.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chronicle-list-'));
  await mkdir(join(root, 'b', 'deep'), { recursive: true });
  await mkdir(join(root, '.hidden'));
  for (const name of ['z.txt', 'a.html', 'notes.pdf', '.secret.txt', 'b/feed.rss', 'b/deep/x.jsonl', 'b/README', '.hidden/h.txt']) {
    await writeFile(join(root, name), 'x');
  }
  // A link back up the tree must not loop.
  await symlink(join(root, 'b'), join(root, 'b', 'deep', 'loop'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listInputFiles', () => {
  it('expands directories recursively, sorted, skipping hidden and unsupported files', async () => {
    expect(await listInputFiles([root])).toEqual([
      join(root, 'a.html'),
      join(root, 'b', 'deep', 'x.jsonl'),
      join(root, 'b', 'feed.rss'),
      join(root, 'z.txt'),
    ]);
  });

  it('keeps named files (even unsupported ones) and stdin in the order given, without repeats', async () => {
    const pdf = join(root, 'notes.pdf');
    expect(await listInputFiles(['-', pdf, join(root, 'b'), pdf])).toEqual([
      '-',
      pdf,
      join(root, 'b', 'deep', 'x.jsonl'),
      join(root, 'b', 'feed.rss'),
    ]);
  });

  it('rejects a path that does not exist', async () => {
    const missing = join(root, 'nope');
    const error = await listInputFiles([join(root, 'z.txt'), missing]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).message).toBe(`${missing}: no such file or directory`);
  });
});
