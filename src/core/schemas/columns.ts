import * as z from 'zod';
import { CRMS } from '../leads/crm.js';

const HeaderName = z.string().min(1, { message: 'expected a header name' }).describe('a header of the CSV of leads, as the file writes it');

/** A field's header names: one, or a list in order of preference. */
const HeaderNames = z.union([HeaderName, z.array(HeaderName).min(1, { message: 'expected at least one header name' })]);

/**
 * Where each rubric field is read in a CSV of leads: a map from field to the header names its
 * column may have, or the name of a CRM whose export align knows (`hubspot`, `salesforce`).
 */
export const ColumnsSchema = z
  .union([
    // the map first: a map with a wrong value is told about that value, not that it is no CRM name
    z.record(z.string().min(1), HeaderNames.describe('the header names this field may have, in order of preference')),
    z.enum(CRMS).describe('a CRM export whose headers align knows: hubspot or salesforce'),
  ])
  .describe('which CSV column each field is read from: a map from field to header names (budget: [Budget, "Annual Budget"]), or hubspot or salesforce; without it a field finds the header equal to it ignoring case, spaces, _, - and .');

export type ColumnsSetting = z.infer<typeof ColumnsSchema>;

