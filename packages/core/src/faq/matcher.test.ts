import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import { fixtureEngine } from '../test-support/rules.fixture.ts';

const engine = fixtureEngine();
const match = (text: string) => engine.faq.match(normalize(text).text, { platform: 'taobao', shopId: 'shop' });

describe('FaqMatcher', () => {
  it('should answer a close paraphrase with the rule, its score and the shared terms', () => {
    const m = match('亲 请问什么时候发货呀');
    expect(m.band).toBe('answer');
    if (m.band !== 'answer') return;
    expect(m.best.rule.id).toBe('shipping-time');
    expect(m.best.score).toBeGreaterThan(0.6);
    expect(m.best.terms).toContain('发货');
    expect(m.best.keywords).toContain('发货');
  });

  it('should match traditional-character questions', () => {
    const m = match('發什麼快遞');
    expect(m.band === 'answer' && m.best.rule.id).toBe('courier');
  });

  it('should keep a rule out when a none-keyword occurs', () => {
    const m = match('为什么还没发货');
    expect(m.best?.rule.id).not.toBe('shipping-time');
  });

  it('should abstain when nothing is close', () => {
    expect(match('你们家的猫粮适合三个月的小猫吗').band).toBe('abstain');
  });

  it('should only suggest when the words are shared but the question is different', () => {
    const m = match('上次买的那个发货单能不能再给我打印一份寄过来');
    expect(m.band).not.toBe('answer');
  });

  it('should hold a rule to its own answerAt', () => {
    const strict = fixtureEngine((r) => {
      r.faq![0]!.answerAt = 0.99;
    });
    expect(strict.faq.match(normalize('你们仓库一般什么时候发货').text).band).toBe('suggest');
    expect(engine.faq.match(normalize('你们仓库一般什么时候发货').text).band).toBe('answer');
  });

  it('should respect platform scope', () => {
    const scoped = fixtureEngine((r) => {
      r.faq![0]!.scope = { platforms: ['jd'], shops: [] };
    });
    const text = normalize('什么时候发货').text;
    expect(scoped.faq.match(text, { platform: 'taobao' }).best?.rule.id).not.toBe('shipping-time');
    expect(scoped.faq.match(text, { platform: 'jd' }).best?.rule.id).toBe('shipping-time');
  });
});

describe('FaqMatcher gates', () => {
  it('should not let a negated none-keyword block a rule', () => {
    const gated = fixtureEngine((r) => {
      r.faq![0]!.keywords!.none = ['投诉'];
    });
    const m = (t: string) => gated.faq.match(normalize(t).text);
    expect(m('我要投诉,什么时候发货').best?.rule.id).not.toBe('shipping-time');
    expect(m('不是要投诉,就问什么时候发货').best?.rule.id).toBe('shipping-time');
  });

  it('should normalise keywords like buyer text, so traditional keywords still gate', () => {
    const gated = fixtureEngine((r) => {
      r.faq![0]!.keywords!.any = ['發貨'];
    });
    expect(gated.faq.match(normalize('什么时候发货').text).best?.rule.id).toBe('shipping-time');
  });
});
