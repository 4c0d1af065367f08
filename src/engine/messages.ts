// Renders a finding's wording from its standard's message template and the finding's data.
import type { MessageData } from '../core/finding.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A template split once into its text and placeholder names: text, name, text, name, …, text. */
type CompiledTemplate = readonly string[];

// A standard has a handful of templates and an audit renders them tens of thousands of times, so each is
// split once rather than scanned by a regular expression for every finding.
const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the check, so it throws. */
export function renderMessage(template: string, data: MessageData, where: string): string {
  const parts = compile(template);
  // Joined once rather than concatenated piece by piece: the message is kept until the report is written,
  // and a joined string is one flat string where a chain of concatenations is a rope of many.
  const pieces = parts.slice();
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = data[name];
    if (value === undefined) throw new Error(`${where}: message data has no "${name}"`);
    pieces[i] = String(value);
  }
  return pieces.join('');
}
