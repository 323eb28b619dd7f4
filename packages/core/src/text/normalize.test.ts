import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';

describe('normalize', () => {
  it('should fold full-width forms to half-width and lower-case Latin', () => {
    expect(normalize('ＳＦ顺丰１２３！').text).toBe('sf顺丰123!');
  });

  it('should convert traditional characters to simplified', () => {
    expect(normalize('請問什麼時候發貨？質量太差了').text).toBe('请问什么时候发货?质量太差了');
    expect(normalize('這個裡面有幾件').text).toBe('这个里面有几件');
  });

  it('should turn Cantonese and chat spellings into Mandarin', () => {
    expect(normalize('包裹到咗邊度呀').text).toBe('包裹到了哪里呀');
    expect(normalize('有冇折啊 呢個size係咪偏細').text).toBe('有没有折啊,呢个size是不是偏细');
    expect(normalize('木有声音 能发顺风吗').text).toBe('没有声音,能发顺丰吗');
  });

  it('should leave simplified text alone, including the particle 么', () => {
    expect(normalize('店家在么 什麼时候发').text).toBe('店家在么,什么时候发');
    expect(normalize('台灯温度').text).toBe('台灯温度');
  });

  it('should turn inner white space into a clause break and collapse repeated punctuation, keeping the run length', () => {
    const n = normalize(' 你们 怎么  回事！！！？？ ');
    expect(n.text).toBe('你们,怎么,回事!?');
    expect(n.punctuationRun).toBe(5);
  });

  it('should shorten elongation to two characters', () => {
    expect(normalize('啊啊啊啊啊好慢慢慢慢').text).toBe('啊啊好慢慢');
  });

  it('should keep emoji so lexicons can match them', () => {
    expect(normalize('气死了😡').text).toBe('气死了😡');
  });
});
