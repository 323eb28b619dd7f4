import { z } from 'zod';

/** What `cs rules lint` checks scripts against. */
export const complianceSchema = z.strictObject({
  /** 广告法 absolute terms (最, 第一, 顶级, 国家级, 100%, 绝对…). */
  absoluteTerms: z.array(z.string().min(1)),
  /** Phrases that contain an absolute term but are not claims (最近, 最后…). */
  allowedPhrases: z.array(z.string().min(1)).default([]),
  /** Promises the shops' standards forbid (保证, 一定, 肯定…): a bot must not commit the shop. */
  forbiddenPromises: z.array(z.string().min(1)),
  /** Longest text each platform's send API or chat window takes for one message. */
  maxLength: z.strictObject({
    taobao: z.number().int().positive(),
    douyin: z.number().int().positive(),
    pinduoduo: z.number().int().positive(),
    jd: z.number().int().positive(),
    wecom: z.number().int().positive(),
  }),
});
export type Compliance = z.infer<typeof complianceSchema>;
