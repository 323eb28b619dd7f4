import type { WebhookRequest } from '@kefu/runtime';
import { parseXml, wecomDecrypt, WecomCryptoError } from '@kefu/wire';
import type { WecomConfig } from './env.ts';
import { checkSignature, signedQuery } from './signature.ts';

/** What a callback POST holds once its envelope is opened. */
export type OpenedCallback =
  /** Signed with our Token, fresh, sealed for our CorpID: the decrypted inner fields. */
  | { kind: 'opened'; fields: Record<string, string> }
  /** Forged, stale, or for another app: nothing may be done. */
  | { kind: 'rejected'; reason: string }
  /** Authentic, but its content is not what WeCom sends: a clear 400. */
  | { kind: 'malformed'; reason: string };

/**
 * Open a callback POST (protocols §5.2/§5.3): outer `<xml><ToUserName/><AgentID/><Encrypt/></xml>`,
 * `msg_signature` over the Encrypt field, then AES-256-CBC with 32-byte PKCS#7, then the inner XML.
 * The signature is checked before anything is decrypted.
 */
export async function openCallback(request: WebhookRequest, config: WecomConfig, now: number): Promise<OpenedCallback> {
  const query = signedQuery(request.url.searchParams);
  if ('missing' in query) return { kind: 'rejected', reason: `query has no ${query.missing}` };
  let outer: Record<string, string>;
  try {
    outer = parseXml(request.body);
  } catch {
    return { kind: 'rejected', reason: 'body is not WeCom callback XML: no Encrypt field to check the signature against' };
  }
  const encrypted = outer.Encrypt;
  if (!encrypted) return { kind: 'rejected', reason: 'callback XML has no Encrypt field to check the signature against' };
  const verdict = checkSignature(config.token, query, encrypted, now);
  if (verdict.kind === 'rejected') return verdict;
  if (outer.ToUserName && outer.ToUserName !== config.corpId) return { kind: 'rejected', reason: 'callback is addressed to another corp (ToUserName is not WECOM_CORP_ID)' };
  const opened = await decrypt(config, encrypted);
  if (opened.kind !== 'plain') return opened;
  try {
    return { kind: 'opened', fields: parseXml(opened.text) };
  } catch {
    return { kind: 'malformed', reason: 'decrypted callback is not WeCom XML' };
  }
}

/** Decrypt an `Encrypt` field or `echostr`: another corp's seal is a rejection, anything else broken is malformed. */
export async function decrypt(config: WecomConfig, encrypted: string): Promise<{ kind: 'plain'; text: string } | { kind: 'rejected' | 'malformed'; reason: string }> {
  try {
    return { kind: 'plain', text: await wecomDecrypt(config.aesKey, encrypted, config.corpId) };
  } catch (error) {
    if (!(error instanceof WecomCryptoError)) throw error;
    if (error.reason === 'receive_id_mismatch') return { kind: 'rejected', reason: 'sealed for another app: the receive id is not WECOM_CORP_ID' };
    if (error.reason === 'bad_key') throw error; // our configuration, not the request: a 500, WeCom retries
    return { kind: 'malformed', reason: `Encrypt cannot be decrypted (${error.reason})` };
  }
}
