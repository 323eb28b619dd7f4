import { z } from 'zod';

export const CHANNEL_TYPES = ['dingtalk', 'feishu', 'wecom', 'slack', 'webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** The query parameter that carries each robot's credential: without it the URL can only be refused. */
const CREDENTIAL_PARAM: Partial<Record<ChannelType, string>> = { dingtalk: 'access_token', wecom: 'key' };

/** One team channel; lives in a wrangler SECRET (JSON), never in KV. */
export const channelConfig = z
  .object({
    type: z.enum(CHANNEL_TYPES),
    url: z.string().url(),
    secret: z.string().optional(),
    /** People to @ by name. */
    people: z.record(z.string(), z.object({ mobile: z.string().optional(), userId: z.string().optional() })).optional(),
  })
  .superRefine((channel, ctx) => {
    const url = parsedUrl(channel.url);
    if (!url) return; // `.url()` has reported it already
    if (!/^https?:$/.test(url.protocol)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be an http(s) URL' });
    const param = CREDENTIAL_PARAM[channel.type];
    // Checked here so a pasted URL without its token fails at start-up, not on the first escalation.
    if (param && !url.searchParams.get(param)) ctx.addIssue({ code: 'custom', path: ['url'], message: `a ${channel.type} robot URL carries ?${param}=` });
  });

function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The TEAM_CHANNELS secret: channel name → channel. Rules only ever name channels. */
export const channelsConfig = z.record(z.string().regex(/^[\w-]{1,40}$/), channelConfig);

export type ChannelConfig = z.infer<typeof channelConfig>;

/**
 * Parses the TEAM_CHANNELS secret. Never throws, and never echoes the secret back: errors name the
 * bad field only. An unset or blank secret is a valid "no team channels" configuration.
 *
 * @example parseChannels(env.TEAM_CHANNELS) // { kind: 'ok', channels: { team: { type: 'dingtalk', … } } }
 */
export function parseChannels(
  json: string | undefined,
): { kind: 'ok'; channels: Record<string, ChannelConfig> } | { kind: 'invalid'; errors: string[] } {
  if (json === undefined || json.trim() === '') return { kind: 'ok', channels: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // JSON.parse's own message quotes the input, which holds tokens: say only that it is not JSON.
    return { kind: 'invalid', errors: ['TEAM_CHANNELS: not valid JSON'] };
  }
  const parsed = channelsConfig.safeParse(raw);
  if (parsed.success) return { kind: 'ok', channels: parsed.data };
  return {
    kind: 'invalid',
    errors: parsed.error.issues.map((issue) => `TEAM_CHANNELS${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`),
  };
}
