import { parseRules, PLATFORMS, type Platform } from '@kefu/core';
import { LOCAL_CHANNEL_TYPES, type LocalChannelType } from '@kefu/sandbox';
import { resolve } from 'node:path';
import { parseArgs, stringFlag, UsageError } from './args.ts';
import { chat } from './chat/chat.ts';
import { classify } from './commands/classify.ts';
import { demo } from './commands/demo.ts';
import { lintRulesDirectory, validateRules } from './commands/rules-check.ts';
import { loadRulesDirectory } from './rules-dir/load.ts';
import { RulesFileError } from './rules-dir/read.ts';
import { HttpRulesRemote, RemoteError } from './rules-cmd/http-remote.ts';
import { LOCAL_INSPECT_TOKEN, stackUrl } from './stack/stack-layout.ts';
import { RemoteSetupError } from './rules-cmd/remotes.ts';
import { RULES_WORKFLOW_COMMANDS, rulesWorkflow } from './rules-cmd/run.ts';
import { CloudflareApiError } from './rules-remote/cloudflare-kv.ts';
import { simulate } from './simulate/simulate.ts';
import { stack } from './stack/stack.ts';

const USAGE = `usage: cs <command> [options]

  cs stack [--rules DIR] [--only p1,p2] [--team webhook|dingtalk|feishu|wecom|slack]
                                              run every platform worker locally, offline, with the sandbox
  cs simulate --platform P [--shop S] [--buyer B] [--agent] "text"
                                              send a signed webhook to the running stack; print what the bot did and why
  cs chat --platform P [--shop S] [--at "2026-11-11 23:30"] [--rules DIR | --local] [--returning]
                                              type as a buyer, engine in-process on a simulated clock:
                                              each reply, rule and score, complaint signal, handoff and
                                              SLA timer with its reason; /help inside for /wait, /agent…
  cs demo [--rules DIR] ["buyer message" …]   play a day at a shop, or your messages, through the engine
  cs classify [--rules DIR] < in.jsonl        {"id","text"} lines in, one decision line out per input
  cs rules validate [DIR]                     schema and template check; exit 1 when invalid
  cs rules lint [DIR] [--strict]              compliance lint; exit 1 on errors (--strict: on warnings too)

  Rules in KV (--local: the local stack; otherwise Cloudflare with CLOUDFLARE_API_TOKEN and
  CLOUDFLARE_ACCOUNT_ID, namespace ids from apps/<p>/wrangler.jsonc or --namespace ID). The layer:
  --platform P --shop S (a shop), --platform P (a platform's default), neither (global, every
  platform; --only p1,p2 narrows):
  cs rules diff [DIR] [--exit-code]           what a push of DIR would change
  cs rules push [DIR] -m "why" [--author A]   check everywhere first, then publish a new version
  cs rules pull OUT [--version N] [--resolved] [--force]
                                              write the active layer (or the merged rules) as files
  cs rules history                            versions, newest first, * = active
  cs rules rollback [N] [-m "why"]            make version N (default: the one before) active again
  cs rules show --platform P [--shop S] [--json]
                                              each layer's active version; where each part comes from

DIR defaults to ./rules. Exit codes: 0 ok, 1 failed check or bad input, 2 usage or unreadable rules.`;

async function engineFrom(dir: string) {
  const loaded = await loadRulesDirectory(dir);
  if (loaded.kind === 'invalid') {
    throw new RulesFileError(dir, `invalid rules:\n${loaded.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join('\n')}\n(run: cs rules validate ${dir})`);
  }
  return loaded.engine;
}

function platformOf(name: string): Platform {
  if ((PLATFORMS as readonly string[]).includes(name)) return name as Platform;
  throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}`);
}

function platformList(list: string): Platform[] | undefined {
  return list ? list.split(',').map((p) => platformOf(p.trim())) : undefined;
}

function teamTypeOf(name: string): LocalChannelType {
  if ((LOCAL_CHANNEL_TYPES as readonly string[]).includes(name)) return name as LocalChannelType;
  throw new UsageError(`--team must be one of ${LOCAL_CHANNEL_TYPES.join(', ')}`);
}

/** The shop id each platform's simulated messages go to by default (WeCom: an open_kfid). */
function defaultShop(platform: Platform): string {
  return platform === 'wecom' ? 'wkLocalShop' : 'local-shop';
}

/** The merged rules a running stack worker serves one shop, validated here too. */
async function stackRules(platform: Platform, shopId: string) {
  const view = await new HttpRulesRemote(platform, stackUrl(platform), LOCAL_INSPECT_TOKEN, `${platform} (local stack)`).view(shopId);
  const parsed = view.resolved.kind === 'ok' ? parseRules(view.resolved.document) : { kind: 'invalid' as const, errors: view.resolved.errors };
  if (parsed.kind === 'invalid') throw new RemoteError(`${platform} (local stack): the rules for shop ${shopId} are invalid:\n${parsed.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join('\n')}`);
  return parsed.rules;
}

/** The `cs` command. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, ['rules', 'platform', 'shop', 'buyer', 'only', 'team', 'at', 'message', 'author', 'version', 'namespace']);
    const [command, sub, ...rest] = args.positional;
    const out = { log: (l: string) => console.log(l), error: (l: string) => console.error(l) };
    switch (command) {
      case 'classify':
        return await classify(await engineFrom(resolve(stringFlag(args, 'rules', 'rules'))), process.stdin, process.stdout);
      case 'stack':
        return await stack(resolve(stringFlag(args, 'rules', 'rules')), platformList(stringFlag(args, 'only', '')), teamTypeOf(stringFlag(args, 'team', 'webhook')), out);
      case 'simulate': {
        const platform = platformOf(stringFlag(args, 'platform', ''));
        const text = args.positional.slice(1).join(' ');
        if (!text) throw new UsageError('simulate needs the message text');
        const buyer = stringFlag(args, 'buyer', 'buyer-1');
        return await simulate({ platform, shop: stringFlag(args, 'shop', defaultShop(platform)), buyer, text, from: args.flags.has('agent') ? 'agent' : 'buyer', messageId: `sim-${Date.now().toString(36)}` }, out);
      }
      case 'chat': {
        const platform = platformOf(stringFlag(args, 'platform', ''));
        const dir = stringFlag(args, 'rules', './rules');
        const shopId = stringFlag(args, 'shop', defaultShop(platform));
        // --local: the rules the running stack would use for this shop (global + platform + shop layers).
        const rules = args.flags.has('local') ? await stackRules(platform, shopId) : (await engineFrom(resolve(dir))).rules;
        const options = { platform, shopId, at: args.flags.has('at') ? stringFlag(args, 'at', '') : undefined, returning: args.flags.has('returning'), rulesFrom: args.flags.has('local') ? `the local stack (${stackUrl(platform)})` : dir };
        return await chat(rules, options, { input: process.stdin, output: process.stdout });
      }
      case 'demo':
        return demo(await engineFrom(resolve(stringFlag(args, 'rules', 'rules'))), args.positional.slice(1), out.log);
      case 'rules': {
        const dir = resolve(rest[0] ?? stringFlag(args, 'rules', 'rules'));
        if (sub === 'validate') return await validateRules(dir, out);
        if (sub === 'lint') return await lintRulesDirectory(dir, args.flags.has('strict'), out);
        const workflow = RULES_WORKFLOW_COMMANDS.find((c) => c === sub);
        if (workflow) return await rulesWorkflow(workflow, args, rest, out);
        throw new UsageError(`unknown rules command "${sub ?? ''}"`);
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`cs: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof RemoteError || error instanceof RemoteSetupError || error instanceof CloudflareApiError) {
      console.error(`cs: ${error.message}`);
      return 2;
    }
    if (error instanceof RulesFileError) {
      console.error(`cs: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
