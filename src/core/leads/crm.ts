/**
 * The column maps align ships for the two big CRMs' exports (`--crm`, `columns: hubspot` in
 * rubric.yaml): a rubric field → the headers the export writes for it, the report's label
 * first, then the property's internal name that API exports and data exports use. Documented
 * in docs/crm.md.
 */
import type { ColumnMap } from './columns.js';

export const CRMS = ['hubspot', 'salesforce'] as const;
export type CrmName = (typeof CRMS)[number];

export interface CrmColumns {
  /** The product's name, as messages write it. */
  title: string;
  /** Field → headers. */
  columns: ColumnMap;
  /** The headers that identify a record, tried before align's own id names. */
  ids: string[];
}

/** HubSpot contacts ("Export" of a contacts view): property labels, or internal names in API/data exports. */
const HUBSPOT: CrmColumns = {
  title: 'HubSpot',
  ids: ['Record ID', 'hs_object_id', 'Contact ID'],
  columns: {
    email: ['Email', 'email'],
    first_name: ['First Name', 'firstname'],
    last_name: ['Last Name', 'lastname'],
    title: ['Job Title', 'jobtitle'],
    company: ['Company Name', 'company'],
    employees: ['Number of Employees', 'numemployees'],
    annual_revenue: ['Annual Revenue', 'annualrevenue'],
    industry: ['Industry', 'industry'],
    country: ['Country/Region', 'country'],
    state: ['State/Region', 'state'],
    city: ['City', 'city'],
    phone: ['Phone Number', 'phone'],
    website: ['Website URL', 'website'],
    lifecycle_stage: ['Lifecycle Stage', 'lifecyclestage'],
    lead_status: ['Lead Status', 'hs_lead_status'],
    lead_source: ['Original Source', 'hs_analytics_source'],
    owner: ['Contact owner', 'hubspot_owner_id'],
    hubspot_score: ['HubSpot Score', 'hubspotscore'],
    last_activity: ['Last Activity Date', 'notes_last_updated'],
    last_contacted: ['Last Contacted', 'notes_last_contacted'],
    sales_activities: ['Number of Sales Activities', 'num_notes'],
    page_views: ['Number of Pageviews', 'hs_analytics_num_page_views'],
    form_submissions: ['Number of Form Submissions', 'num_conversion_events'],
    created: ['Create Date', 'createdate'],
  },
};

/** Salesforce leads: a report export (field labels) or a Data Export / Data Loader file (API names). */
const SALESFORCE: CrmColumns = {
  title: 'Salesforce',
  ids: ['Lead ID', 'Id', '18 Digit Lead ID'],
  columns: {
    email: ['Email'],
    first_name: ['First Name', 'FirstName'],
    last_name: ['Last Name', 'LastName'],
    title: ['Title'],
    company: ['Company / Account', 'Company'],
    employees: ['No. of Employees', 'NumberOfEmployees', 'Employees'],
    annual_revenue: ['Annual Revenue', 'AnnualRevenue'],
    industry: ['Industry'],
    country: ['Country'],
    state: ['State/Province', 'State'],
    city: ['City'],
    phone: ['Phone'],
    website: ['Website'],
    lead_source: ['Lead Source', 'LeadSource'],
    lead_status: ['Lead Status', 'Status'],
    rating: ['Rating'],
    converted: ['Converted', 'IsConverted'],
    owner: ['Lead Owner', 'OwnerId'],
    last_activity: ['Last Activity', 'LastActivityDate'],
    created: ['Create Date', 'CreatedDate'],
  },
};

export const CRM_COLUMNS: Record<CrmName, CrmColumns> = { hubspot: HUBSPOT, salesforce: SALESFORCE };
