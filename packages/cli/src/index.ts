export { loadRulesDirectory, type LoadedRules } from './rules-dir/load.ts';
export { locate, readRulesDirectory, RulesFileError, type RulesDirectory } from './rules-dir/read.ts';
