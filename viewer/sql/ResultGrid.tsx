import { useState } from 'react';
import type { QueryResult } from './hooks.ts';

const ROW_HEIGHT = 24;
const VIEW_ROWS = 14;

/** The rows of a result, drawing only those in view, so a million rows scroll as smoothly as ten. */
export function ResultGrid({ result }: { result: QueryResult }) {
  const [top, setTop] = useState(0);
  const first = Math.floor(top / ROW_HEIGHT);
  const last = Math.min(result.rowCount, first + VIEW_ROWS + 2);
  const rows = [];
  for (let row = first; row < last; row++) {
    rows.push(
      <tr key={row} style={{ position: 'absolute', top: row * ROW_HEIGHT, height: ROW_HEIGHT }}>
        <th>{row + 1}</th>
        {result.columns.map((column, c) => (
          <td key={column}>{show(result.cell(row, c))}</td>
        ))}
      </tr>,
    );
  }
  return (
    <div className="result-grid" style={{ height: ROW_HEIGHT * (VIEW_ROWS + 1) }} onScroll={(event) => setTop(event.currentTarget.scrollTop)} data-rows={result.rowCount}>
      <table>
        <thead>
          <tr>
            <th>#</th>
            {result.columns.map((column) => (
              <th key={column}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody style={{ position: 'relative', display: 'block', height: result.rowCount * ROW_HEIGHT }}>{rows}</tbody>
      </table>
    </div>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'number') return String(Number(value.toFixed(4)));
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
