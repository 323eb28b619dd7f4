/**
 * How one platform signs requests, as the chat bridge (docs/chat-bridge.md) uses it: the
 * platform's own system parameters and signature algorithm, applied to the bridge's JSON body.
 */
export type BridgeSigner = {
  /** The query parameter naming the app (`app_key`, `client_id`). */
  appKeyParam: string;
  /** The platform's system parameters for a call: app key, method/type, timestamp, version… */
  systemParams(appKey: string, method: string, now: number): Record<string, string>;
  /** When the request was signed (epoch ms), from its parameters; undefined if absent or unreadable. */
  signedAt(params: Record<string, string>): number | undefined;
  /** The signature over the system parameters (without `sign`) and the raw body. */
  sign(params: Record<string, string>, body: string, secret: string): string;
};
