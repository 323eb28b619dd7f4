export { checkRuleLayer, type RuleLayer, type RuleLayerCheck } from './layer.ts';
export { mergeRuleLayers, type MergeRuleLayersResult } from './merge.ts';
