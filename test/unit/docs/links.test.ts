// The README and docs/ link only to what the repository has: every relative link names a file
// that exists, every #anchor a heading of that page; and no page cites a brief users never see.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../../helpers/workspace.js';

const PAGES = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))];

/** The anchors GitHub gives a page's headings (outside code blocks). */
function anchors(text: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (h) out.add(h[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-'));
  }
  return out;
}

it('every relative link of the README and docs/ resolves, anchors included', () => {
  const broken: string[] = [];
  for (const page of PAGES) {
    const text = readFileSync(page, 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [path, anchor] = target!.split('#') as [string, string | undefined];
      const file = path ? join(dirname(page), path) : page;
      const where = `${relative(ROOT, page)} → ${target}`;
      if (!existsSync(file)) broken.push(`${where}: no such file`);
      else if (anchor && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${where}: no such heading`);
    }
  }
  expect(broken).toEqual([]);
});

it('no page cites a document that is not in the repository', () => {
  for (const page of PAGES) expect(readFileSync(page, 'utf8'), relative(ROOT, page)).not.toMatch(/PRODUCT\.md|STYLE\.md/);
});
