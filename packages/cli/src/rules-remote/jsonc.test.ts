import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc.ts';

describe('parseJsonc', () => {
  it('should drop comments and trailing commas but keep // inside strings', () => {
    const text = `{
      // the worker
      "name": "kefu-jd", /* inline */
      "url": "https://api.example//x", "escaped": "a\\"//b",
      "list": [1, 2,],
    }`;
    expect(parseJsonc(text)).toEqual({ name: 'kefu-jd', url: 'https://api.example//x', escaped: 'a"//b', list: [1, 2] });
  });

  it('should read every app’s wrangler.jsonc', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const app of ['wecom', 'douyin', 'taobao', 'pinduoduo', 'jd']) {
      const config = parseJsonc(await readFile(new URL(`../../../../apps/${app}/wrangler.jsonc`, import.meta.url), 'utf8')) as { name: string };
      expect(config.name).toBe(`kefu-${app}`);
    }
  });
});
