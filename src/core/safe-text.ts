// Text from the data made safe for each consumer: a terminal, CSV and markdown cells, and XML (xlsx, JUnit).

// C0 and C1 controls from the export could move the cursor or recolour a terminal, or cut a string short in a
// consumer that reads NUL as its end: they are shown, never sent.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const shown = (control: string): string => `\\x${control.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Data text made safe for a terminal: controls shown as \xNN (ESC as \x1b), line breaks as spaces. */
export function terminalText(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(CONTROL_CHARACTERS, shown);
}

/** A cell of a CSV or markdown file: every control, line breaks and tabs included, shown as \xNN. */
export function controlsShown(text: string): string {
  return text.replace(ANY_CONTROL, shown);
}

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF): a parser would reject the file.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text that may go into XML: each character XML forbids becomes U+FFFD, the replacement character. */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD');
}
