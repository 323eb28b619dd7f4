export { parseJson, type ParsedJson } from './parse-json.ts';
