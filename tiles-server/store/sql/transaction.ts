import type { Actor, IncidentStep, TwinEvent } from '../twinStore.ts';
import type { Params, Row } from './sqlEngine.ts';

/** A write in progress: statements in its transaction, plus what it appends and announces once it commits. */
export interface Transaction {
  run(sql: string, params?: Params): Promise<void>;
  rows(sql: string, params?: Params): Promise<Row[]>;
  event(type: TwinEvent['type'], data: Record<string, unknown>): void;
  audit(actor: Actor, action: string, target: string): void;
  /** A step of an incident's history, written with the transaction's commit. */
  step(incidentId: string, step: Omit<IncidentStep, 'at'>, at: string): void;
  /** The next serial of incident ids with this prefix. */
  nextSerial(prefix: string): Promise<number>;
  isDuplicateKey(error: unknown): boolean;
}
