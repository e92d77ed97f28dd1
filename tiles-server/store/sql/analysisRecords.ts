import type { Analysis, AnalysisSummary } from '../../../layers/index.ts';
import type { Actor, NewAnalysis } from '../twinStore.ts';
import { iso } from './rows.ts';
import type { Row } from './sqlEngine.ts';
import type { Transaction } from './transaction.ts';

export async function insertAnalysis(tx: Transaction, analysis: NewAnalysis, actor: Actor): Promise<Analysis> {
  const [row] = await tx.rows(`INSERT INTO analyses VALUES ($id, $kind, $params, $result, $summary, $dataVersion, $actor, current_timestamp) RETURNING *`, {
    id: analysis.id,
    kind: analysis.kind,
    params: JSON.stringify(analysis.params),
    result: JSON.stringify(analysis.result),
    summary: JSON.stringify(analysis.summary),
    dataVersion: JSON.stringify(analysis.dataVersion),
    actor: actor.name,
  });
  return analysisFrom(row!);
}

export function analysisFrom(row: Row): Analysis {
  return {
    ...summaryFields(row),
    params: JSON.parse(String(row.params)),
    result: JSON.parse(String(row.result)),
  } as Analysis;
}

export function analysisSummaryFrom(row: Row): AnalysisSummary {
  return { ...summaryFields(row), summary: JSON.parse(String(row.summary)) } as AnalysisSummary;
}

function summaryFields(row: Row) {
  return {
    id: String(row.id),
    kind: String(row.kind),
    dataVersion: JSON.parse(String(row.data_version)),
    createdBy: String(row.created_by),
    createdAt: iso(row.created_at),
  };
}
