import { UserError } from '../errors.js';
import type { Template } from '../schemas/template.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import { renderPlaceholders } from './placeholders.js';
import { NoSuchTime, timeAgenda, type Repeat, type TimedAgenda } from './timing.js';
import { placeholderView } from './view.js';
import { forAudience, type Audience } from './audience.js';

export interface AgendaRequest {
  date: string; // checked YYYY-MM-DD
  start: string; // checked HH:MM
  zone: string; // canonical IANA name
  facilitator?: string;
  repeat?: Repeat;
  /** Default: the attendees' agenda, the one sent to the teams. */
  audience?: Audience;
}

/** A template, the workspace's align.yaml (null outside one) and a time: the timed agenda. */
export function buildAgenda(template: Template, file: string, config: WorkspaceConfig | null, req: AgendaRequest): TimedAgenda {
  const facilitator = req.facilitator?.trim() || config?.defaults?.facilitator;
  const view = placeholderView(config, { date: req.date, ...(facilitator ? { facilitator } : {}) });
  const rendered = renderPlaceholders(template, view, file);
  try {
    const timed = timeAgenda({
      template: rendered, view, date: req.date, start: req.start, zone: req.zone,
      known: { organization: Boolean(config), facilitator: Boolean(facilitator) },
      ...(req.repeat ? { repeat: req.repeat } : {}),
    });
    return forAudience(timed, req.audience ?? 'attendees');
  } catch (e) {
    if (e instanceof NoSuchTime) throw new UserError(e.message, 'pick a start time outside the hour the clocks change, for example --start 10:00');
    throw e;
  }
}
