import { describe, expect, it } from 'vitest';
import { seeded } from '../support/index.ts';
import { buyerScript, COMPLAINTS, TOPICS } from './buyer-texts.ts';

describe('buyerScript', () => {
  it('should give a buyer the asked number of messages, never the same topic twice in a row', () => {
    const r = seeded(3);
    for (let i = 0; i < 200; i++) {
      const script = buyerScript(r, 5, { complaint: 0, human: 0, smallTalk: 0 });
      expect(script).toHaveLength(5);
      const topicOf = (t: string) => Object.entries(TOPICS).find(([, texts]) => (texts as readonly string[]).includes(t))?.[0];
      const topics = script.map(topicOf).filter((t) => t !== undefined);
      expect(new Set(topics).size).toBe(topics.length);
    }
  });

  it('should mix in complaints at about the asked rate', () => {
    const r = seeded(4);
    const all = Array.from({ length: 2000 }, () => buyerScript(r, 4, { complaint: 0.1, human: 0, smallTalk: 0 })).flat();
    const share = all.filter((t) => (COMPLAINTS as readonly string[]).includes(t)).length / all.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
  });
});
