/**
 * How align writes YAML text, everywhere it writes it (new files, values spliced into a file,
 * a document rendered again): with YAML 1.1's rules for what a plain scalar means, so a string
 * that a YAML 1.1 reader (PyYAML, ajv-cli, js-yaml's 1.1 mode) would take for something else is
 * quoted: a date (`"2026-11-30"`), a time of day (`"10:00"`, a number in base 60 to YAML 1.1),
 * `"yes"`, `"no"`, `"on"`, `"0777"`. Every YAML 1.2 reader, align's own included, reads the
 * same values. align still reads an unquoted date as the text it is (YAML 1.2).
 */
export const WRITE_VERSION = '1.1' as const;

/** `yaml`'s stringify options for every text align writes. */
export const WRITE_OPTIONS = { lineWidth: 0, version: WRITE_VERSION } as const;
