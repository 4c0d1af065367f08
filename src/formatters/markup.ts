// Escaping for XML and HTML output: every string from the data passes through here before it meets markup.
import { xmlCharacters } from '../core/safe-text.js';

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&#39;',
  // Attribute-value normalisation would turn raw line breaks and tabs into spaces.
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Text content of an XML or HTML element. */
export function escapeText(text: string): string {
  return xmlCharacters(text).replace(/[&<>]/g, (mark) => TEXT_ESCAPES[mark] ?? mark);
}

/** A double- or single-quoted attribute value in XML or HTML. */
export function escapeAttribute(text: string): string {
  return xmlCharacters(text).replace(/[&<>"'\n\r\t]/g, (mark) => ATTRIBUTE_ESCAPES[mark] ?? mark);
}
