import { Text } from '@gravity-ui/uikit';
import type { ReactNode } from 'react';
import type { OutcomeCounts } from '../../api/types';
import { ExportButton } from '../../export/ExportButton';
import type { Cell } from '../../export/xlsx';
import { COUNT_HEADER, countCells, heldPercent } from './figures';

export interface FiguresRow {
  key: string;
  name: string;
  counts: OutcomeCounts;
}

/** A share as a bar and in words: the bar is decoration, the words are what a screen reader reads. */
export function ShareBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="share">
      <div className="share-track" aria-hidden="true">
        <div className="share-fill" style={{ width: `${percent}%` }} />
      </div>
      <span>{label}</span>
    </div>
  );
}

/**
 * One grouping of the figures (by direction, center type, municipality, organization) as a table whose last
 * column shows the share held as a bar with its percent; «Выгрузить» gives every count of every row in .xlsx.
 */
export function FiguresTable({
  id,
  title,
  what,
  rows,
  fileName,
  exportRows,
  footer,
}: {
  id: string;
  title: string;
  what: string;
  rows: FiguresRow[];
  fileName: string;
  /** Every row to export when the table shows a page of them; the shown rows otherwise. */
  exportRows?: () => Promise<FiguresRow[]>;
  footer?: ReactNode;
}) {
  const cells = (list: FiguresRow[]): Cell[][] => list.map((row) => [row.name, ...countCells(row.counts)]);
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h2" variant="subheader-3" id={`${id}-title`}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <p className="muted">Нет данных.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="plan-table figures-table">
            <thead>
              <tr>
                <th scope="col">{what}</th>
                <th scope="col">Мероприятий</th>
                <th scope="col">Не проведено или перенесено</th>
                <th scope="col">Нет отчёта</th>
                <th scope="col">Участников</th>
                <th scope="col">Проведено (в т. ч. частично)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ key, name, counts }) => (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  <td>{counts.planned}</td>
                  <td>{counts.notHeld + counts.postponed}</td>
                  <td>{counts.unreported}</td>
                  <td>{counts.participants}</td>
                  <td>
                    <ShareBar percent={heldPercent(counts)} label={`${counts.held + counts.partly} из ${counts.planned} (${heldPercent(counts)}%)`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {footer}
      {rows.length > 0 && (
        <ExportButton id={`${id}-export`} fileName={fileName} sheetName={title} header={[what, ...COUNT_HEADER]} rows={async () => cells(exportRows ? await exportRows() : rows)} />
      )}
    </section>
  );
}
