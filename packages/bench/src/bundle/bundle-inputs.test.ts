import { describe, expect, it } from 'vitest';
import { bytesByPackage, packageOf } from './bundle-inputs.ts';

describe('packageOf', () => {
  it('should name the package an input came from', () => {
    expect(packageOf('../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(packageOf('../../node_modules/.pnpm/opencc-js@1.4.2/node_modules/@scope/name/dist/a.js')).toBe('@scope/name');
    expect(packageOf('../../packages/core/src/decide.ts')).toBe('packages/core');
    expect(packageOf('src/index.ts')).toBe('own code');
  });
});

describe('bytesByPackage', () => {
  it('should add up every output and put the largest first', () => {
    const meta = {
      outputs: {
        'index.js': { inputs: { 'src/index.ts': { bytesInOutput: 10 }, '../../packages/core/src/a.ts': { bytesInOutput: 30 } } },
        'chunk.js': { inputs: { '../../packages/core/src/b.ts': { bytesInOutput: 5 } } },
      },
    };
    expect(bytesByPackage(meta)).toEqual([{ name: 'packages/core', bytes: 35 }, { name: 'own code', bytes: 10 }]);
  });
});
