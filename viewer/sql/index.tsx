import './sql.css';
import { Fragment, useEffect, useRef, useState } from 'react';
import { type Catalog, LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import { CollapseToggle } from '../app/CollapseToggle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ResultGrid } from './ResultGrid.tsx';
import { useHighlight } from '../highlight/index.tsx';
import { ResultChart } from './ResultChart.tsx';
import { resultToCsv, resultToGeoJson } from './exportResult.ts';
import { MAX_OUTLINES, resultHighlight } from './resultHighlight.ts';
import { type QueryResult, useSqlConsole } from './hooks.ts';
import { linkParam, setLinkParam } from '../url-state/linkParam.ts';

/** The link parameter holding the query a link reruns (`?sql=…`). */
export const SQL_PARAM = 'sql';

/**
 * The analyst's console: SQL over every readable layer and kind of record, in the browser, with
 * the tables listed beside it. The query run last is in the address bar, so the link reruns it.
 */
export function SqlConsole({ catalog, onClose }: { catalog: Catalog; onClose: () => void }) {
  const { t, pick } = useI18n();
  const sqlConsole = useSqlConsole(catalog.layers);
  const [sql, setSql] = useState(() => linkParam(SQL_PARAM) ?? sqlConsole.history[0] ?? `SELECT use, count(*) AS buildings, round(avg(height), 1) AS mean_height\nFROM buildings GROUP BY use ORDER BY buildings DESC`);
  const { state } = sqlConsole;
  // Folded to its title, the console leaves the globe to the user and keeps its query and result.
  const [collapsed, setCollapsed] = useState(false);
  // What a result highlights stays in 3D after the console closes, until it is cleared here.
  const { highlight, setHighlight } = useHighlight();
  const highlighting = highlight.oids.size + highlight.points.length + highlight.outlines.length > 0;
  // Only the last "show" counts: shapes still on their way for an earlier one, or after a clear, are dropped.
  const shown = useRef(0);
  const showIn3d = async (result: QueryResult) => {
    const asked = ++shown.current;
    const oids = result.columns.includes(C.oid) ? Array.from({ length: result.rowCount }, (_, row) => String(result.cell(row, result.columns.indexOf(C.oid)))) : [];
    const shapes = await sqlConsole.shapes(oids, MAX_OUTLINES);
    if (asked === shown.current) setHighlight(resultHighlight(result, shapes));
  };
  const clearHighlight = () => {
    shown.current++;
    setHighlight(undefined);
  };
  const run = () => {
    setLinkParam(SQL_PARAM, sql);
    void sqlConsole.run(sql);
  };
  // A shared link runs its query as the console opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening.
  useEffect(() => {
    const shared = linkParam(SQL_PARAM);
    if (shared) void sqlConsole.run(shared);
  }, []);
  return (
    <section className={collapsed ? 'sql-console collapsed' : 'sql-console'} aria-label={t('sqlConsole')} data-phase={state.phase} data-step={state.phase === 'running' ? state.step : undefined}>
      <header>
        <h2>{t('sqlConsole')}</h2>
        <CollapseToggle collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)} />
        <button
          type="button"
          onClick={() => {
            setLinkParam(SQL_PARAM, undefined);
            onClose();
          }}
          aria-label={t('close')}
          title={t('close')}
        >
          ×
        </button>
      </header>
      <div className="sql-body" hidden={collapsed}>
        <ul className="sql-tables" aria-label={t('sqlTables')}>
          {(['layer', 'records'] as const).map((origin) => {
            const tables = sqlConsole.tables.filter((table) => table.origin === origin);
            return (
              tables.length > 0 && (
                <Fragment key={origin}>
                  {origin === 'records' && <li className="sql-group">{t('sqlRecordTables')}</li>}
                  {tables.map((table) => (
                    <TableEntry key={table.name} name={table.name} title={pick(table.title)} describe={sqlConsole.describe} onPick={() => setSql(`SELECT * FROM ${table.name} LIMIT 100`)} />
                  ))}
                </Fragment>
              )
            );
          })}
          {sqlConsole.recordsUnlisted && <li className="sql-group">{t('sqlRecordsUnlisted')}</li>}
        </ul>
        <div className="sql-main">
          <textarea
            aria-label={t('sqlEditor')}
            spellCheck={false}
            value={sql}
            onChange={(event) => setSql(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run();
            }}
          />
          <div className="sql-actions">
            <button type="button" className="run" disabled={state.phase === 'running'} onClick={run}>
              {t('sqlRun')}
            </button>
            <button type="button" disabled={state.phase !== 'running'} onClick={() => void sqlConsole.cancel()}>
              {t('sqlCancel')}
            </button>
            <select aria-label={t('sqlHistory')} value="" onChange={(event) => event.target.value && setSql(event.target.value)}>
              <option value="">{t('sqlHistory')}</option>
              {sqlConsole.history.map((entry) => (
                <option key={entry} value={entry}>
                  {entry.replace(/\s+/g, ' ').slice(0, 80)}
                </option>
              ))}
            </select>
            {state.phase === 'done' && (
              <>
                <button type="button" onClick={() => download('query.csv', 'text/csv', resultToCsv(state.result))}>
                  {t('exportCsv')}
                </button>
                <button
                  type="button"
                  disabled={!state.result.columns.some((c) => c === C.geometry || c === C.lon)}
                  onClick={() => {
                    const geojson = resultToGeoJson(state.result);
                    if (geojson) download('query.geojson', 'application/geo+json', geojson);
                  }}
                >
                  {t('exportGeoJson')}
                </button>
                <button type="button" className="show-in-3d" onClick={() => void showIn3d(state.result)}>
                  {t('showIn3d')}
                </button>
              </>
            )}
            {highlighting && (
              <button type="button" onClick={clearHighlight}>
                {t('clearHighlight')}
              </button>
            )}
            <span className="sql-status">
              {state.phase === 'running' && t('sqlRunning', { step: state.step })}
              {state.phase === 'done' && `${t('sqlRows', { rows: state.result.rowCount.toLocaleString() })} · ${state.result.milliseconds.toFixed(0)} ms`}
              {state.phase === 'cancelled' && t('sqlCancelled')}
            </span>
          </div>
          {state.phase === 'failed' && (
            <pre className="sql-error" role="alert">
              {state.message}
            </pre>
          )}
          {state.phase === 'done' && (
            <div className="sql-result">
              <ResultGrid result={state.result} />
              <ResultChart result={state.result} />
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** Saves text as a file through the browser (no server round trip). */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A table in the schema browser: its name (a click writes a query over it; its title on hover) and, when opened, its columns. */
function TableEntry({ name, title, describe, onPick }: { name: string; title: string; describe: (name: string) => Promise<{ name: string; type: string }[]>; onPick: () => void }) {
  const [columns, setColumns] = useState<{ name: string; type: string }[]>();
  const [open, setOpen] = useState(false);
  return (
    <li data-table={name}>
      <button
        type="button"
        className="expand"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!columns) void describe(name).then(setColumns, () => setColumns([]));
        }}
      >
        {open ? '▾' : '▸'}
      </button>
      <button type="button" title={title} onClick={onPick}>
        {name}
      </button>
      {open && columns && (
        <ul className="sql-columns">
          {columns.map((column) => (
            <li key={column.name}>
              {column.name} <span className="muted">{column.type}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
