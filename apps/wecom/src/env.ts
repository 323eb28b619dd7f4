/** The worker's bindings, generated from wrangler.jsonc by `wrangler types` (never hand-written). */
export type WecomEnv = Env;

/** The WeCom settings one request needs, read from the bindings and checked. */
export type WecomConfig = {
  /** 企业ID: the receive id every callback is sealed for, and `corpid` for gettoken. */
  corpId: string;
  /** The 微信客服 app's Secret (`corpsecret`). */
  secret: string;
  /** The callback Token that `msg_signature` is computed with. */
  token: string;
  /** The callback EncodingAESKey (43 characters). */
  aesKey: string;
  /** API host, without a trailing slash. */
  apiBase: string;
};

/** A missing or malformed setting: names the binding so the fix is obvious. */
export class WecomConfigError extends Error {
  override readonly name = 'WecomConfigError';
}

const AES_KEY_LENGTH = 43;

/**
 * Read and check the WeCom settings. Throws {@link WecomConfigError} naming the bad binding, so a
 * half-configured deployment fails loudly (a callback gets a 500 and WeCom retries) instead of
 * answering wrongly.
 */
export function wecomConfig(env: WecomEnv): WecomConfig {
  const need = (name: 'WECOM_CORP_ID' | 'WECOM_SECRET' | 'WECOM_TOKEN' | 'WECOM_ENCODING_AES_KEY' | 'WECOM_API_BASE'): string => {
    const value: unknown = env[name];
    if (typeof value !== 'string' || value === '') throw new WecomConfigError(`${name} is not set (see apps/wecom/README.md)`);
    return value;
  };
  const aesKey = need('WECOM_ENCODING_AES_KEY');
  if (aesKey.length !== AES_KEY_LENGTH) throw new WecomConfigError(`WECOM_ENCODING_AES_KEY must be ${AES_KEY_LENGTH} characters, got ${aesKey.length}`);
  return { corpId: need('WECOM_CORP_ID'), secret: need('WECOM_SECRET'), token: need('WECOM_TOKEN'), aesKey, apiBase: need('WECOM_API_BASE').replace(/\/+$/, '') };
}
