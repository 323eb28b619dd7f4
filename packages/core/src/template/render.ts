const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Fill a script's `{{variables}}`. Rules are checked when they load, so a missing value here is a
 * programming error: it throws rather than sending a buyer "{{shop.name}}".
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template variable {{${name}}} has no value`);
    return value;
  });
}
