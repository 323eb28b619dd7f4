export { renderTemplate } from './render.ts';
export {
  allowedVariables,
  SCRIPT_VARIABLES,
  SHOP_VARIABLES,
  templateVariables,
  type TemplateVariable,
} from './variables.ts';
