/**
 * How the workshop tells people apart, wherever a person is entered (attendees, facilitator,
 * action owners, approvers): a name typed in another case or with other spacing is the same
 * person ("sam ortiz" is "Sam Ortiz"), and the spelling align.yaml has is the one kept.
 */

/** A name as it is compared: Unicode-normalised, spaces trimmed and collapsed, case folded. */
function personKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function samePerson(a: string, b: string): boolean {
  return personKey(a) === personKey(b);
}

/** The spelling of this person among the known names (the first that matches), or the name as typed, trimmed. */
export function canonicalPerson(name: string, known: Iterable<string>): string {
  const key = personKey(name);
  for (const k of known) if (personKey(k) === key) return k;
  return name.trim();
}
