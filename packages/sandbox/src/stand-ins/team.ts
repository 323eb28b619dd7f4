import type { StandIn } from '../server/types.ts';

/**
 * The shop's team channels: the generic signed webhook (`/hooks/<name>`), recorded as
 * `team:<name>`. DingTalk, Feishu, WeCom group and Slack stand-ins come with packages/notify.
 */
export const team: StandIn = {
  name: 'team',
  routes: [
    { method: 'POST', path: /^\/hooks\/[\w-]+$/, channel: 'team', handle: () => ({ json: { ok: true } }) },
    // A plain recorder for anything else that only needs to be received (`recorder:<name>`).
    { method: 'POST', path: /^\/recorder\/[\w-]+$/, channel: 'recorder', handle: () => ({ json: { ok: true } }) },
  ],
};
