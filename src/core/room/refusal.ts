/**
 * A participant's request the room refuses, with why in words for the page to show.
 * `kind` says what kind of refusal it is; the server turns it into a status code.
 */
export class RoomRefusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'unknown' | 'conflict' | 'full',
    message: string,
  ) {
    super(message);
    this.name = 'RoomRefusal';
  }
}
