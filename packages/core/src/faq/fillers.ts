// Words that carry politeness or mood but no question: "亲", "请问", "在吗", a trailing "呀".
// Left in, every one of them (and the bigrams they form with their neighbours) would count as
// something no FAQ example explains and drag the confidence of a plain question down.
const LEADING = /(?<=^|[\p{P}\p{S}])(?:亲爱的|亲亲|亲|宝宝|宝|美女|老板|掌柜的?|客服|小姐姐|您好|你好|哈喽|hello|hi|在吗|在么|在不在|在不|在嘛|有人吗|请问一下|请问|问一下|问下|麻烦问下|麻烦|想问一下|想问下|想问|我想问)+/gu;
const TRAILING_PARTICLES = /(?:[呀啊呢哦喔嘛啦吧哈呗噢哇捏]|亲爱的|亲亲|亲)+(?=[\p{P}\p{S}]|$)/gu;
const THANKS = /(?:谢谢|谢了|多谢|感谢)(?:亲|你|您|啦|了)?(?=[\p{P}\p{S}]|$)/gu;
const BOUNDARY_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * The question inside a normalised message, for FAQ matching. A message that is nothing but
 * fillers ("在吗", "你好呀") is returned as it was: then the fillers are the content.
 */
export function stripFillers(text: string): string {
  const stripped = text.replace(LEADING, '').replace(THANKS, '').replace(TRAILING_PARTICLES, '').replace(BOUNDARY_PUNCTUATION, '');
  return stripped.length > 0 ? stripped : text;
}
