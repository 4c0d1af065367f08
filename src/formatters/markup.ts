// Escaping for XML and HTML output: every string from the data passes through here before it meets markup.

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF); a parser would reject the file.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

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

function replaceForbidden(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD');
}

/** Text content of an XML or HTML element. */
export function escapeText(text: string): string {
  return replaceForbidden(text).replace(/[&<>]/g, (mark) => TEXT_ESCAPES[mark] ?? mark);
}

/** A double- or single-quoted attribute value in XML or HTML. */
export function escapeAttribute(text: string): string {
  return replaceForbidden(text).replace(/[&<>"'\n\r\t]/g, (mark) => ATTRIBUTE_ESCAPES[mark] ?? mark);
}
