import { parseRules } from '@kefu/core';
import { readRulesDirectory } from '@kefu/cli';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withGeneratedFaq } from './rules-document.ts';

describe('withGeneratedFaq', () => {
  it('should add generated FAQ rules to the default document and stay a valid rules document', async () => {
    const { document } = await readRulesDirectory(resolve(import.meta.dirname, '../../../../rules'));
    const grown = withGeneratedFaq(document, 25);
    expect((grown.faq as unknown[]).length).toBe((document.faq as unknown[]).length + 25);
    const parsed = parseRules(grown);
    expect(parsed.kind).toBe('ok');
  });
});
