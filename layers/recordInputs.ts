import { z } from 'zod';
import { INCIDENT_STATUSES } from './records.ts';
import { isDisplaySafe } from './schema.ts';

/**
 * What a writer may give for each kind of record, checked the same way whether it arrives as an
 * API request or as a row of an exported spreadsheet: the server's routes and the pipeline's
 * record import both parse with these.
 */

const UNSAFE_LINE = /[\n\r\t]/;

/**
 * Text from a person: trimmed, at most `max` characters, no control or direction-override
 * characters; not empty unless `empty`; `line` also refuses line breaks and tabs.
 */
export const Text = (max: number, options: { line?: boolean; empty?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(options.empty ? 0 : 1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((text) => isDisplaySafe(text) && !(options.line && UNSAFE_LINE.test(text)), {
      message: options.line ? 'must not hold control characters, line breaks or text-direction overrides' : 'must not hold control characters or text-direction overrides',
    });

/** An instant with its UTC offset, stored and compared in UTC (`+08:00` and `Z` name the same instant alike). */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with its offset, e.g. 2026-11-28T09:30:00Z or 2026-11-28T17:30:00+08:00' })
  .transform((value) => new Date(value).toISOString());

/** The largest magnitude of a measured value or threshold; far above any sensor, far below where storage loses its footing. */
export const MAX_MEASUREMENT = 1e12;

/** A measured value or threshold: a finite number within ±MAX_MEASUREMENT. */
export const Measurement = z
  .number()
  .min(-MAX_MEASUREMENT, `must be at least -${MAX_MEASUREMENT.toExponential()}`)
  .max(MAX_MEASUREMENT, `must be at most ${MAX_MEASUREMENT.toExponential()}`);

/** The id a record keeps from the system it comes from. */
export const RecordId = z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1–64 letters, digits or : . - _');

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);

/** The fields of an incident as its reporter gives them. */
export const IncidentFields = z.object({
  type: Text(40, { line: true }),
  title: Text(200, { line: true }),
  description: Text(2000).optional(),
  lon: Lon.optional(),
  lat: Lat.optional(),
  oid: Text(128).optional().describe('The object the incident concerns; without it the incident is bound by its position'),
  floor: z.number().int().min(-10).max(300).optional(),
});

/** A new incident (`POST /api/incidents`): where it is, by position or by the object it concerns. */
export const NewIncidentInput = IncidentFields.strict().superRefine((body, context) => {
  if (body.oid !== undefined || (body.lon !== undefined && body.lat !== undefined)) return;
  const missing = body.lon === undefined && body.lat !== undefined ? 'lon' : body.lat === undefined && body.lon !== undefined ? 'lat' : 'lon';
  context.addIssue({ code: 'custom', message: 'give lon and lat, or the oid of the object it concerns', path: [missing] });
});

export type NewIncidentReport = z.infer<typeof NewIncidentInput>;

/** An incident's next step (`POST /api/incidents/{id}/steps`); which steps need an assignee or a note is the workflow's to say (transitionProblem). */
export const IncidentStepInput = z
  .object({
    to: z.enum(INCIDENT_STATUSES),
    assignee: Text(100, { line: true }).optional(),
    note: Text(2000).optional(),
  })
  .strict();

export type IncidentStepRequest = z.infer<typeof IncidentStepInput>;

/** An incident from an existing system's export: the case as that system has it, with its id, status and time, at a position. */
export const ExportedIncidentInput = IncidentFields.extend({
  id: RecordId,
  status: z.enum(INCIDENT_STATUSES),
  reportedAt: Instant,
  lon: Lon,
  lat: Lat,
}).strict();

/** A monitoring point (a gauge, a sensor, a camera). */
export const MonitoringPointInput = z
  .object({
    id: RecordId,
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lower-case kind such as water-level, rainfall or camera'),
    name: Text(100, { line: true }),
    unit: Text(16, { line: true, empty: true }),
    thresholds: z
      .object({ warning: Measurement, alarm: Measurement })
      .strict()
      .refine((t) => t.warning <= t.alarm, { message: 'warning must not be above alarm', path: ['warning'] })
      .nullable()
      .default(null),
    lon: Lon,
    lat: Lat,
    oid: z.string().min(1).max(128).optional(),
  })
  .strict();

/** The stages of a natural-resource code's life. */
export const LIFECYCLE_STAGES = ['规划', '供地', '审批', '监管'] as const;

/** A lifecycle record of a resource code (资源码). */
export const LifecycleInput = z
  .object({
    stage: z.enum(LIFECYCLE_STAGES),
    date: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }),
    summary: Text(500),
    department: Text(100, { line: true }),
  })
  .strict();

/** A lifecycle record from an export: the resource code it belongs to, and the record. */
export const ExportedLifecycleInput = LifecycleInput.extend({ resourceCode: Text(64, { line: true }) }).strict();
