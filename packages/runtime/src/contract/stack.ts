import { applyD1Migrations } from 'cloudflare:test';
import { rulesKeys } from '../rules/kv-rules.ts';
import { sandboxClient } from './sandbox-client.ts';
import { testRules, type TestEnv } from './test-env.ts';

/** Ready the local stack for a test file: D1 migrated, default rules (open all day) in KV, sandbox clean. */
export async function prepareStack(env: TestEnv): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  const globalKey = rulesKeys('jd', 'any').at(-1) as string;
  await env.RULES.put(globalKey, JSON.stringify(testRules(env)));
  await sandboxClient(env.SANDBOX_URL).reset();
}
