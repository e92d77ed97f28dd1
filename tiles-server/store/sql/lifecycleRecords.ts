import type { LifecycleRecord, NewLifecycleRecord } from '../twinStore.ts';
import { lifecycleFrom } from './rows.ts';
import type { Transaction } from './transaction.ts';

/** Stores one lifecycle record of a resource code (规划, 供地, 审批, 监管…), numbered by the database. */
export async function insertLifecycle(tx: Transaction, record: NewLifecycleRecord): Promise<LifecycleRecord> {
  const [row] = await tx.rows(`INSERT INTO lifecycle_records VALUES (nextval('lifecycle_ids'), $code, $oid, $stage, $date, $summary, $department) RETURNING *`, {
    code: record.resourceCode,
    oid: record.oid,
    stage: record.stage,
    date: record.date,
    summary: record.summary,
    department: record.department,
  });
  return lifecycleFrom(row!);
}
