import type { Platform } from '@kefu/core';
import { bridgeSendUrl, localTeamChannels, standIns, type LocalChannelType } from '@kefu/sandbox';
import { LOCAL_INSPECT_TOKEN, stackUrl } from './stack-layout.ts';

/**
 * The vars and secrets a local worker gets: the sandbox's made-up credentials, every outbound base
 * URL pointed at the sandbox, the local team channel and inspection token. Nothing here is real.
 */
export function localVars(platform: Platform, sandbox: string, teamType: LocalChannelType = 'webhook'): Record<string, string> {
  const workerStandIns = standIns.filter((s) => !s.operator);
  const credentials: Record<string, string> = Object.assign({}, ...workerStandIns.map((s) => s.credentials ?? {}));
  const vars: Record<string, string> = {
    TEAM_CHANNELS: JSON.stringify(localTeamChannels(sandbox, credentials, teamType)),
    PUBLIC_URL: stackUrl(platform),
    CLAIM_SECRET: 'local-claim-secret',
    SLACK_SIGNING_SECRET: credentials.SLACK_TEST_SIGNING_SECRET ?? '',
    INSPECT_TOKEN: LOCAL_INSPECT_TOKEN,
    RETRY_BASE_SECONDS: '2',
    BRIDGE_SEND_URL: bridgeSendUrl(sandbox, platform),
  };
  for (const standIn of workerStandIns) {
    Object.assign(vars, standIn.credentials);
    for (const name of standIn.baseUrlVars ?? []) vars[name] = sandbox;
  }
  return vars;
}

/**
 * `--var NAME:value` flags: local values are bound whether or not a worker's wrangler.jsonc declares
 * them as secrets (an env file binds only declared ones).
 */
export function varFlags(vars: Record<string, string>): string[] {
  return Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
}
