// The leads benchmarks' shared data: a generated 12-column leads CSV and a 15-criterion
// rubric, so that rubric score, diff --leads and rubric sql are measured on the same input.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUICK } from './lib.js';

/** Where the leads benchmarks find align and keep their data, the day they score as of, and how many leads. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA = `${ROOT}bench/data/`;
export const ALIGN = `${ROOT}bin/align.js`;
export const AS_OF = '2026-11-27';
export const ROWS = Number(process.env.BENCH_ROWS ?? (QUICK ? 100_000 : 1_000_000));

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TITLES = ['VP Sales', 'Director of Marketing', 'Head of Growth', 'Chief Revenue Officer', 'Sales Manager', 'Account Executive', 'Software Engineer', 'Marketing Coordinator', 'Student', 'CEO', 'Operations Analyst', 'vp engineering', 'Intern', 'Product Manager', ''];
const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'IN', 'BR', 'us', 'AU', 'JP', ''];
const INDUSTRIES = ['software', 'Finance', 'healthcare', 'retail', 'manufacturing', 'education', 'competitor', ''];
const SOURCES = ['referral', 'organic', 'paid', 'event', 'partner'];
const DOMAINS = ['gmail.com', 'acme.com', 'globex.io', 'initech.com', 'rival.com', 'umbrella.co', 'hooli.com'];

/** A deterministic leads CSV (seed 42) of `rows` rows and 12 columns; kept once written. */
export async function generate(rows, path) {
  if (existsSync(path)) return;
  console.log(`generating ${rows.toLocaleString('en-US')} rows → ${path}`);
  const rnd = mulberry32(42);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const asOf = Date.UTC(2026, 10, 27);
  const out = createWriteStream(`${path}.tmp`);
  out.write('id,email,employees,title,country,industry,demo_requested,webinar_attended,pricing_page_views,last_activity,annual_budget,lead_source\n');
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    const employees = rnd() < 0.05 ? '' : String(Math.floor(Math.exp(rnd() * 10)));
    const days = Math.floor(rnd() * 200);
    const last = rnd() < 0.05 ? '' : new Date(asOf - days * 86400000).toISOString().slice(0, 10);
    const budget = rnd() < 0.1 ? '' : String(Math.floor(rnd() * 600) * 1000);
    buf += `L${i},u${i}@${pick(DOMAINS)},${employees},${pick(TITLES)},${pick(COUNTRIES)},${pick(INDUSTRIES)},${rnd() < 0.15 ? 'true' : 'false'},${rnd() < 0.3 ? 'yes' : 'no'},${Math.floor(rnd() * 6)},${last},${budget},${pick(SOURCES)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', () => r(undefined)));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  spawnSync('mv', [`${path}.tmp`, path]);
}

/** The 15-criterion rubric every leads benchmark scores with. */
export const RUBRIC = `name: Bench rubric (15 criteria)
dimensions:
  fit: { max: 60 }
  engagement: { max: 60 }
stages:
  - { id: mql, min: 40 }
  - { id: sql, min: 70, require: { fit: 30 } }
criteria:
  - { id: company-size, dimension: fit, when: { field: employees, op: gte, value: 200 }, points: 15 }
  - { id: enterprise, dimension: fit, when: { field: employees, op: gte, value: 1000 }, points: 10 }
  - { id: decision-maker, dimension: fit, when: { field: title, op: matches, value: "\\\\b(vp|director|head|chief)\\\\b" }, points: 20 }
  - { id: target-country, dimension: fit, when: { field: country, op: in, value: [US, CA, GB, DE] }, points: 10 }
  - { id: target-industry, dimension: fit, when: { field: industry, op: in, value: [software, finance, healthcare] }, points: 10 }
  - { id: budget, dimension: fit, when: { field: annual_budget, op: between, value: [50000, 500000] }, points: 10 }
  - { id: free-email, dimension: fit, when: { field: email, op: ends_with, value: gmail.com }, points: -10 }
  - { id: demo, dimension: engagement, when: { field: demo_requested, op: eq, value: true }, points: 30 }
  - { id: webinar, dimension: engagement, when: { field: webinar_attended, op: eq, value: true }, points: 10 }
  - { id: pricing, dimension: engagement, when: { field: pricing_page_views, op: gte, value: 3 }, points: 15 }
  - { id: recent, dimension: engagement, when: { field: last_activity, op: within_last, value: 30d }, points: 10 }
  - id: signals
    dimension: engagement
    when: { at_least: 2, of: [ { field: pricing_page_views, op: gte, value: 2 }, { field: webinar_attended, op: eq, value: true }, { field: last_activity, op: within_last, value: 14d } ] }
    points: 10
  - { id: referral, dimension: engagement, when: { field: lead_source, op: eq, value: referral }, points: 5 }
  - { id: student, dimension: fit, when: { field: title, op: contains, value: student }, disqualify: true }
  - id: competitor
    dimension: fit
    when: { any: [ { field: email, op: ends_with, value: rival.com }, { field: industry, op: eq, value: competitor } ] }
    disqualify: true
`;
// The same rubric after a change, for the two-version replay.
export const RUBRIC_B = RUBRIC.replace('min: 70, require: { fit: 30 }', 'min: 65, require: { fit: 25 }').replace('points: 30 }', 'points: 35 }').replace('value: 200 }, points: 15', 'value: 500 }, points: 15');
