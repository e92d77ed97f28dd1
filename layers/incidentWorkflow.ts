import type { IncidentStatus } from './records.ts';

/**
 * The steps an incident may take: accepted (受理), assigned to a department (交办), being
 * handled (处置), closed (办结); a department may send it back (退回), after which it is
 * assigned again.
 */

const next: Record<IncidentStatus, readonly IncidentStatus[]> = {
  受理: ['交办'],
  交办: ['处置', '退回'],
  处置: ['办结', '退回'],
  退回: ['交办'],
  办结: [],
};

/** What a step must carry besides its actor and time. */
const requires: Partial<Record<IncidentStatus, 'assignee' | 'note'>> = {
  交办: 'assignee',
  退回: 'note',
  办结: 'note',
};

export function allowedNext(from: IncidentStatus): readonly IncidentStatus[] {
  return next[from];
}

/** Why the step `from` → `to` cannot be taken, or undefined when it can. */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus, step: { assignee?: string | undefined; note?: string | undefined }): string | undefined {
  if (!next[from].includes(to)) {
    const allowed = next[from];
    return `An incident in status ${from} cannot move to ${to}; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it is closed'}`;
  }
  const needed = requires[to];
  if (needed === 'assignee' && !step.assignee) return `Moving to ${to} needs an "assignee" (the department or person it is assigned to)`;
  if (needed === 'note' && !step.note) return `Moving to ${to} needs a "note" (${to === '退回' ? 'why it is sent back' : 'how it was resolved'})`;
  return undefined;
}
