import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import { fixtureEngine } from '../test-support/rules.fixture.ts';

const engine = fixtureEngine();
const detect = (text: string, recent: number[] = []) => engine.complaint.detect(normalize(text), { recentComplaintScores: recent });

describe('ComplaintDetector', () => {
  it('should escalate a threat to the regulator as critical, with the signal that fired', () => {
    const v = detect('再不处理我就打12315');
    expect(v.escalate).toBe(true);
    expect(v.severity).toBe('critical');
    expect(v.signals).toEqual([expect.objectContaining({ id: 'threat-regulator', category: 'threat', match: '12315' })]);
  });

  it('should not escalate a negated complaint, and say what was negated', () => {
    const v = detect('不是要投诉哈,就问一下');
    expect(v.escalate).toBe(false);
    expect(v.negated).toContain('投诉');
    expect(detect('没坏,就是想问问怎么用').escalate).toBe(false);
    expect(detect('放心不会给差评的').escalate).toBe(false);
  });

  it('should apply negation to pattern matches too', () => {
    const patterned = fixtureEngine((r) => {
      r.complaint.signals.push({ id: 'pattern-broken', category: 'damaged', weight: 1.2, patterns: ['裂(开|了)'] });
    });
    expect(patterned.complaint.detect(normalize('杯子裂开了')).escalate).toBe(true);
    expect(patterned.complaint.detect(normalize('杯子没裂开')).escalate).toBe(false);
  });

  it('should expand named guards in patterns', () => {
    const guarded = fixtureEngine((r) => {
      r.complaint.guards = { hearsay: '(?<!听说[^,]{0,6})' };
      r.complaint.signals.push({ id: 'fake', category: 'fraud', weight: 1.5, patterns: ['{{hearsay}}假货'] });
    });
    expect(guarded.complaint.detect(normalize('你们卖假货')).escalate).toBe(true);
    expect(guarded.complaint.detect(normalize('听说网上有假货')).escalate).toBe(false);
  });

  it('should still fire when one occurrence is negated and another is not', () => {
    expect(detect('不是我不想投诉,是必须投诉').escalate).toBe(true);
  });

  it('should let weak signals escalate only together, with intensity or with repetition', () => {
    expect(detect('质量差').escalate).toBe(false);
    expect(detect('质量差!!!').escalate).toBe(false);
    expect(detect('质量差,太失望了!!!').escalate).toBe(true);
    expect(detect('质量差', [1.2]).escalate).toBe(true);
  });

  it('should recognise traditional characters', () => {
    expect(detect('收到杯子碎了 我要投訴').escalate).toBe(true);
  });

  it('should raise severity with the score', () => {
    const v = detect('太差了,碎了,我要投诉给差评!!!');
    expect(v.score).toBeGreaterThanOrEqual(3);
    expect(v.severity).toBe('critical');
  });

  it('should count one phrase once: the heaviest of overlapping signals wins', () => {
    const overlapping = fixtureEngine((r) => {
      r.complaint.signals.push({ id: 'broken-weak', category: 'quality', weight: 0.4, terms: ['坏'] });
    });
    const v = overlapping.complaint.detect(normalize('坏了'));
    expect(v.signals.map((s) => s.id)).toEqual(['damaged']);
    expect(v.score).toBe(1.2);
  });

  it('should score a calm question zero', () => {
    const v = detect('什么时候发货');
    expect(v).toMatchObject({ escalate: false, score: 0, signals: [] });
  });
});
