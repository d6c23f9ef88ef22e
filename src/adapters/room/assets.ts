import { readFile } from 'node:fs/promises';
import { UserError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../package/info.js';

/** The room's pages, scripts and styles, built into the package (dist/room/) and read once when the room starts. */
export interface RoomAssets {
  boardHtml: string;
  boardJs: string;
  joinHtml: string;
  joinJs: string;
  css: string;
  joinQrSvg: string;
}

const ROOM_ASSETS_DIR = `${PACKAGE_ROOT}dist/room/`;

export async function readRoomAssets(joinQrSvg: string): Promise<RoomAssets> {
  const read = (name: string) => readFile(`${ROOM_ASSETS_DIR}${name}`, 'utf8');
  try {
    const [boardHtml, boardJs, joinHtml, joinJs, css] = await Promise.all(['board.html', 'board.js', 'join.html', 'join.js', 'room.css'].map(read));
    return { boardHtml: boardHtml!, boardJs: boardJs!, joinHtml: joinHtml!, joinJs: joinJs!, css: css!, joinQrSvg };
  } catch (e) {
    throw new UserError(`the room's pages are missing from ${ROOM_ASSETS_DIR}: ${(e as Error).message}`, 'reinstall align (or, in its source, run npm run build)');
  }
}
