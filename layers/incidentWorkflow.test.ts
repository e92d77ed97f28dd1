import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from './records.ts';
import { allowedNext, transitionProblem } from './incidentWorkflow.ts';

describe('incident workflow', () => {
  it('walks 受理 → 交办 → 处置 → 办结 with what each step needs', () => {
    expect(transitionProblem('受理', '交办', { assignee: '县综合行政执法局' })).toBeUndefined();
    expect(transitionProblem('交办', '处置', {})).toBeUndefined();
    expect(transitionProblem('处置', '办结', { note: '已清理' })).toBeUndefined();
  });

  it('sends a case back and assigns it again', () => {
    expect(transitionProblem('交办', '退回', { note: '不属于本部门职责' })).toBeUndefined();
    expect(transitionProblem('退回', '交办', { assignee: '县水利局' })).toBeUndefined();
  });

  it('refuses skipped steps, closed cases and steps without their details', () => {
    expect(transitionProblem('受理', '办结', { note: 'x' })).toMatch(/cannot move to 办结; allowed: 交办/);
    expect(transitionProblem('办结', '交办', { assignee: 'x' })).toMatch(/it is closed/);
    expect(transitionProblem('受理', '交办', {})).toMatch(/assignee/);
    expect(transitionProblem('处置', '退回', {})).toMatch(/note/);
  });

  it('leaves no status unreachable and only 办结 final', () => {
    const reached = new Set(['受理', ...INCIDENT_STATUSES.flatMap((s) => allowedNext(s))]);
    expect([...reached].sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect(INCIDENT_STATUSES.filter((s) => allowedNext(s).length === 0)).toEqual(['办结']);
  });
});
