// Renders a finding's wording from its standard's message template and the finding's data.
import type { MessageData } from '../../checks/types.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the check, so it throws. */
export function renderMessage(template: string, data: MessageData, where: string): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`${where}: message data has no "${name}"`);
    return String(value);
  });
}
