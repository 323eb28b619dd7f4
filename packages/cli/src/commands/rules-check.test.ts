import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCs } from '../test-support/run-cs.ts';

/** A copy of the default rules to break on purpose. */
function copyOfDefaults(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kefu-rules-')), 'rules');
  cpSync(join(REPO_ROOT, 'rules'), dir, { recursive: true });
  return dir;
}

function edit(file: string, change: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  change(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('cs rules validate', () => {
  it('should accept the default rules', () => {
    const { code, stdout } = runCs(['rules', 'validate']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid \(\d+ FAQ rules, \d+ complaint signals\)/);
  });

  it('should name the file and field of each error and exit 1', () => {
    const dir = copyOfDefaults();
    edit(join(dir, 'faq', 'courier.json'), (rule) => {
      (rule.answers as string[])[0] = '亲,请拨打{{shop.phone}}';
    });
    edit(join(dir, 'shop.json'), (shop) => {
      shop.timezone = 'Mars/Base';
    });
    const { code, stderr } = runCs(['rules', 'validate', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(dir, 'faq', 'courier.json')}: answers[0]: unknown template variable {{shop.phone}}`);
    expect(stderr).toContain(`${join(dir, 'shop.json')}: timezone: not an IANA time zone`);
  });

  it('should say which file is not JSON, with exit code 2', () => {
    const dir = copyOfDefaults();
    writeFileSync(join(dir, 'hours.json'), '{ "weekly": ');
    const { code, stderr } = runCs(['rules', 'validate', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'hours.json')}: not valid JSON`);
  });
});

describe('cs rules lint', () => {
  it('should pass the default rules with no errors', () => {
    const { code, stdout, stderr } = runCs(['rules', 'lint']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 error\(s\)/);
  });

  it('should fail on an absolute term, a promise, buyer data and a too-long script', () => {
    const dir = copyOfDefaults();
    edit(join(dir, 'scripts.json'), (scripts) => {
      scripts.closing = ['亲,我们是全网第一,保证满意~', '有问题请联系13812345678', '亲'.repeat(700)];
    });
    const { code, stderr } = runCs(['rules', 'lint', dir]);
    expect(code).toBe(1);
    for (const needle of ['absolute-term', 'forbidden-promise', 'buyer-data', 'too-long']) expect(stderr).toContain(needle);
    expect(stderr).toContain(`${join(dir, 'scripts.json')}: closing[0]`);
  });
});

describe('cs', () => {
  it('should print usage and exit 2 for an unknown command', () => {
    const { code, stderr } = runCs(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: cs');
  });

  it('should play the demo day with every decision explained', () => {
    const { code, stdout } = runCs(['demo']);
    expect(code).toBe(0);
    expect(stdout).toContain('scripts.greeting.firstTime');
    expect(stdout).toContain('scripts.away');
    expect(stdout).toContain('escalate critical');
    expect(stdout).toContain('sla.round_closed');
  });
});
