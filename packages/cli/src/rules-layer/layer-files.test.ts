import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRulesDirectory } from '../rules-dir/read.ts';
import { readLayer } from './read-layer.ts';
import { writeLayer } from './write-layer.ts';

const dirs: string[] = [];
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-layer-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('layer files', () => {
  it('should write a pulled document so reading it back gives the same document', async () => {
    const root = new URL('../../../../rules', import.meta.url).pathname;
    const { document } = await readRulesDirectory(root);
    const dir = join(await temp(), 'pulled');
    await writeLayer(dir, document, false);
    expect((await readRulesDirectory(dir)).document).toEqual(document);
  });

  it('should number FAQ files when their ids would sort out of order, keeping the order', async () => {
    const dir = join(await temp(), 'shop');
    const document = { shop: { name: '小店' }, faq: [{ id: 'zeta' }, { id: 'alpha' }, { id: 'bad id/x' }] };
    await writeLayer(dir, document, false);
    expect(await readdir(join(dir, 'faq'))).toEqual(['01-zeta.json', '02-alpha.json', '03.json']);
    expect((await readRulesDirectory(dir)).document).toEqual(document);
  });

  it('should refuse to overwrite a non-empty folder without force, and drop stale rules with it', async () => {
    const dir = await temp();
    await writeLayer(dir, { faq: [{ id: 'a' }, { id: 'b' }] }, false);
    await expect(writeLayer(dir, { faq: [{ id: 'a' }] }, false)).rejects.toThrow(/--force/);
    await writeLayer(dir, { faq: [{ id: 'a' }] }, true);
    expect(await readdir(join(dir, 'faq'))).toEqual(['a.json']);
  });

  it('should read a single-file layer and refuse one that is not an object', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'layer.json'), '{"hours":{"weekly":{}}}');
    expect((await readLayer(join(dir, 'layer.json'))).document).toEqual({ hours: { weekly: {} } });
    await writeFile(join(dir, 'bad.json'), '[1]');
    await expect(readLayer(join(dir, 'bad.json'))).rejects.toThrow(/JSON object/);
    await expect(readLayer(join(dir, 'missing'))).rejects.toThrow(/no such file/);
  });
});
