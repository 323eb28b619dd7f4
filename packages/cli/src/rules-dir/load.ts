import { compileRules, parseRules, type Engine, type RulesError } from '@kefu/core';
import { locate, readRulesDirectory } from './read.ts';

export type LoadedRules =
  /** Valid and compiled. */
  | { kind: 'ok'; engine: Engine; sources: Map<string, string> }
  /** Invalid: every error located in the shop's files. */
  | { kind: 'invalid'; errors: RulesError[] };

/** Read, validate and compile a rules directory. File and JSON errors throw `RulesFileError`. */
export async function loadRulesDirectory(dir: string): Promise<LoadedRules> {
  const { document, sources } = await readRulesDirectory(dir);
  const parsed = parseRules(document);
  if (parsed.kind === 'invalid') {
    return { kind: 'invalid', errors: parsed.errors.map((e) => ({ path: locate(e.path, sources), message: e.message })) };
  }
  return { kind: 'ok', engine: compileRules(parsed.rules), sources };
}
