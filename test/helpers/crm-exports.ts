/**
 * CRM exports as they arrive, made deterministically from a seed: a HubSpot contacts export and
 * a Salesforce leads export (a report, with field labels, or a Data Export, with API names),
 * with the quirks real ones have: quoted fields, commas and line breaks inside them, blank
 * cells, US dates (11/20/2026) and currency ($1,200) beside plain ones.
 */
import { rng as random } from '../unit/sql/generate.js';

export interface Export {
  header: string[];
  rows: string[][];
  /** The file: every cell with a quote, comma or line break quoted, CRLF line ends as spreadsheets write them. */
  csv: string;
}

function cell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function toCsv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const FIRST = ['Ann', 'Bob', 'Chen', 'Dana', 'Eve', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jo'];
const LAST = ['Kim', "O'Neil", 'Park', 'Ruiz', 'Smith', 'Tanaka', 'de la Cruz', 'Ng'];
const TITLES = ['VP Sales', 'Director, IT', 'Head of\nMarketing', 'Marketing Coordinator', 'Student', 'CEO', 'Sales "Ninja"', '', 'Founder & Owner', 'Analyst'];
const COMPANIES = ['Acme, Inc.', 'Globex', 'Initech', 'Umbrella Corp', 'Stark "Industries"', 'Wayne\nEnterprises', ''];
const INDUSTRIES = ['Software', 'Manufacturing', 'Retail', 'Financial Services', ''];
const COUNTRIES = ['United States', 'Canada', 'United Kingdom', 'Germany', ''];

/** A count as exports write one: plain, with a thousands comma, a range, or blank. */
function employees(r: () => number): string {
  const n = Math.floor(r() * 2000);
  const k = r();
  if (k < 0.15) return '';
  if (k < 0.3) return n.toLocaleString('en-US');
  if (k < 0.35) return '201-500';
  return String(n);
}

/** Money as exports write it: plain, in dollars with commas, with cents, or blank. */
function money(r: () => number): string {
  const n = Math.floor(r() * 40_000_000);
  const k = r();
  if (k < 0.15) return '';
  if (k < 0.35) return `$${n.toLocaleString('en-US')}`;
  if (k < 0.45) return `${n}.00`;
  return String(n);
}

/** A day in November 2026 (the tests score as of 2026-11-27) or earlier, as ISO, US, with a time, or blank. */
function day(r: () => number, style: 'hubspot' | 'report' | 'api'): string {
  if (r() < 0.15) return '';
  const back = Math.floor(r() * 90);
  const d = new Date(Date.UTC(2026, 10, 27 - back));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  const k = r();
  if (style === 'report' || k < 0.3) return `${m}/${dd}/${y}`;
  if (style === 'hubspot' && k < 0.6) return `${iso} ${String(Math.floor(r() * 24)).padStart(2, '0')}:32`;
  return iso;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const HUBSPOT_HEADER = [
  'Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Company Name', 'Number of Employees', 'Annual Revenue',
  'Industry', 'Country/Region', 'Lifecycle Stage', 'Lead Status', 'Number of Pageviews', 'Number of Form Submissions', 'Last Activity Date', 'Create Date', 'Contact owner',
];

/** A HubSpot contacts export of `count` contacts. */
export function hubspotExport(count: number, seed = 13): Export {
  const r = random(seed);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    rows.push([
      String(51_000_000 + i * 101),
      first,
      last,
      r() < 0.1 ? '' : `${first.toLowerCase()}.${i}@example.com`,
      r() < 0.5 ? '' : `+1 (555) 010-${String(i % 10_000).padStart(4, '0')}`,
      pick(r, TITLES),
      pick(r, COMPANIES),
      employees(r),
      money(r),
      pick(r, INDUSTRIES),
      pick(r, COUNTRIES),
      pick(r, ['Subscriber', 'Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer', '']),
      pick(r, ['New', 'Open', 'In Progress', 'Attempted to Contact', 'Unqualified', '']),
      r() < 0.2 ? '' : String(Math.floor(r() * 30)),
      r() < 0.2 ? '' : String(Math.floor(r() * 5)),
      day(r, 'hubspot'),
      day(r, 'hubspot'),
      pick(r, ['Dana Kim', 'Lee Park', '']),
    ]);
  }
  return { header: HUBSPOT_HEADER, rows, csv: toCsv(HUBSPOT_HEADER, rows) };
}

const SALESFORCE_REPORT_HEADER = [
  'Lead ID', 'First Name', 'Last Name', 'Title', 'Company / Account', 'Email', 'No. of Employees', 'Annual Revenue', 'Industry',
  'Lead Source', 'Lead Status', 'Rating', 'Converted', 'Create Date', 'Last Activity', 'Country', 'Lead Owner',
];

const SALESFORCE_API_HEADER = [
  'Id', 'FirstName', 'LastName', 'Title', 'Company', 'Email', 'NumberOfEmployees', 'AnnualRevenue', 'Industry',
  'LeadSource', 'Status', 'Rating', 'IsConverted', 'CreatedDate', 'LastActivityDate', 'Country', 'OwnerId',
];

/** A Salesforce leads export of `count` leads: a report (labels, US dates, 1/0) or a Data Export (API names, ISO dates, true/false). */
export function salesforceExport(count: number, style: 'report' | 'api' = 'report', seed = 31): Export {
  const r = random(seed);
  const header = style === 'report' ? SALESFORCE_REPORT_HEADER : SALESFORCE_API_HEADER;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(r, FIRST);
    const id = `00Q5g00000${String(i).padStart(8, '0')}`;
    const converted = r() < 0.1;
    rows.push([
      style === 'report' ? id.slice(0, 15) : id,
      first,
      pick(r, LAST),
      pick(r, TITLES),
      pick(r, COMPANIES),
      r() < 0.1 ? '' : `${first.toLowerCase()}.${i}@example.org`,
      employees(r),
      money(r),
      pick(r, INDUSTRIES),
      pick(r, ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other', '']),
      pick(r, ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted']),
      pick(r, ['Hot', 'Warm', 'Cold', '']),
      style === 'report' ? (converted ? '1' : '0') : converted ? 'true' : 'false',
      style === 'report' ? day(r, 'report') : `${day(r, 'api') || '2026-01-01'}T14:32:00.000Z`,
      day(r, style),
      pick(r, COUNTRIES),
      style === 'report' ? pick(r, ['Dana Kim', 'Lee Park']) : '0055g00000AbCdE',
    ]);
  }
  return { header, rows, csv: toCsv(header, rows) };
}
