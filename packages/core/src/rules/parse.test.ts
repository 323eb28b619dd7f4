import { describe, expect, it } from 'vitest';
import { fixtureRules } from '../test-support/rules.fixture.ts';
import { formatPath, parseRules } from './parse.ts';

function errorsOf(edit: (rules: ReturnType<typeof fixtureRules>) => void) {
  const rules = fixtureRules();
  edit(rules);
  const parsed = parseRules(rules);
  return parsed.kind === 'invalid' ? parsed.errors : [];
}

describe('parseRules', () => {
  it('should accept valid rules and fill in defaults', () => {
    const parsed = parseRules(fixtureRules());
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.rules.shop.timezone).toBe('Asia/Shanghai');
    expect(parsed.rules.policies.greeting.windowHours).toBe(12);
    expect(parsed.rules.faq[0]?.priority).toBe(0);
  });

  it('should name the exact path of an unknown template variable', () => {
    const errors = errorsOf((r) => {
      r.faq![1]!.answers[0] = '亲,客服电话{{shop.phone}}';
    });
    expect(errors).toEqual([expect.objectContaining({ path: 'faq[1].answers[0]', message: expect.stringContaining('{{shop.phone}}') })]);
  });

  it('should refuse a script variable outside its script', () => {
    const errors = errorsOf((r) => {
      r.scripts.holding = ['{{nextOpen}}再回复您'];
    });
    expect(errors[0]?.path).toBe('scripts.holding[0]');
  });

  it('should refuse duplicate FAQ ids, bad regexes, unknown time zones and a default courier not offered', () => {
    const errors = errorsOf((r) => {
      r.faq![1]!.id = 'shipping-time';
      r.faq![0]!.regex = '(unclosed';
      r.shop.timezone = 'Mars/Olympus';
      r.shop.defaultCourier = '邮政';
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['faq[0].regex', 'faq[1].id', 'shop.defaultCourier', 'shop.timezone']);
  });

  it('should refuse unknown guards and patterns that do not compile once expanded', () => {
    const errors = errorsOf((r) => {
      r.complaint.guards = { neg: '(?<!不' };
      r.complaint.signals[0]!.patterns = ['{{nope}}12315', '{{neg}}投诉'];
    });
    expect(errors.map((e) => [e.path, e.message.split(':')[0]])).toEqual([
      ['complaint.signals[0].patterns[0]', 'unknown guard {{nope}}'],
      ['complaint.signals[0].patterns[1]', 'invalid regular expression'],
    ]);
  });

  it('should refuse malformed clock times and unknown fields', () => {
    const errors = errorsOf((r) => {
      r.hours.weekly.mon = [{ start: '9:00', end: '18:00' }];
      (r.shop as Record<string, unknown>).nmae = 'typo';
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['hours.weekly.mon[0].start', 'shop']);
  });

  it('should never throw on garbage', () => {
    for (const junk of [null, 42, 'rules', [], { shop: null }]) expect(parseRules(junk).kind).toBe('invalid');
  });
});

describe('formatPath', () => {
  it('should write paths as a shop engineer would', () => {
    expect(formatPath(['faq', 3, 'answers', 1])).toBe('faq[3].answers[1]');
    expect(formatPath([])).toBe('(root)');
  });
});
