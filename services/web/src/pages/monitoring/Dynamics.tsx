import { Link, Text } from '@gravity-ui/uikit';
import type { QuarterFigures } from '../../api/types';
import { formatDate, today } from '../../format';
import { PERIOD_STATUS_LABEL } from '../../i18n/labels';
import { heldPercent } from './figures';
import { ShareBar } from './FiguresTable';

const BAR = 48;
const GAP = 24;
const HEIGHT = 120;

const quarterName = (q: QuarterFigures) => `${q.quarter} кв. ${q.year}`;

/**
 * Quarter by quarter: the share of due events held as columns (drawn in SVG, hidden from screen readers) and the
 * same figures in the table below them, with who has reported and a link to the quarter's list of those who have not.
 */
export function Dynamics({ quarters }: { quarters: QuarterFigures[] }) {
  const width = quarters.length * (BAR + GAP) + GAP;
  return (
    <section className="panel" id="monitoring-dynamics" aria-labelledby="dynamics-title">
      <Text as="h2" variant="subheader-3" id="dynamics-title">
        Динамика по кварталам
      </Text>
      {quarters.length === 0 ? (
        <p className="muted">Отчётные периоды ещё не открывались.</p>
      ) : (
        <>
          <svg className="dynamics-chart" aria-hidden="true" width={width} height={HEIGHT + 40} viewBox={`0 0 ${width} ${HEIGHT + 40}`}>
            <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="var(--g-color-line-generic)" />
            {quarters.map((q, i) => {
              const percent = heldPercent(q);
              const x = GAP + i * (BAR + GAP);
              const height = (HEIGHT * percent) / 100;
              return (
                <g key={q.periodId}>
                  <rect x={x} y={HEIGHT - height} width={BAR} height={height} fill="var(--g-color-base-positive-heavy)" />
                  <text x={x + BAR / 2} y={HEIGHT - height - 4} textAnchor="middle" fontSize={12} fill="currentColor">{`${percent}%`}</text>
                  <text x={x + BAR / 2} y={HEIGHT + 16} textAnchor="middle" fontSize={12} fill="currentColor">{quarterName(q)}</text>
                </g>
              );
            })}
          </svg>
          <div className="table-scroll" role="region" aria-labelledby="dynamics-title" tabIndex={0}>
            <table className="plan-table">
              <thead>
                <tr>
                  <th scope="col">Квартал</th>
                  <th scope="col">Отчёты организаций</th>
                  <th scope="col">Проведено мероприятий (в т. ч. частично)</th>
                  <th scope="col">Кто не отчитался</th>
                </tr>
              </thead>
              <tbody>
                {quarters.map((q) => {
                  const missing = q.organizationCount - q.reportedCount;
                  const late = q.status === 'open' && q.deadline < today();
                  return (
                    <tr key={q.periodId} data-period={`${q.year}-${q.quarter}`}>
                      <th scope="row">
                        {`${q.quarter} квартал ${q.year} г.`}
                        <div className="muted">{`отчёт до ${formatDate(q.deadline)} · ${PERIOD_STATUS_LABEL[q.status]}`}</div>
                      </th>
                      <td className="period-count">{`сдано ${q.reportedCount} из ${q.organizationCount}`}</td>
                      <td>
                        <ShareBar percent={heldPercent(q)} label={`${q.held + q.partly} из ${q.planned} (${heldPercent(q)}%)`} />
                      </td>
                      <td className={missing > 0 && late ? 'field-error' : undefined}>
                        {missing === 0 ? 'все отчитались' : <Link href={`#period-reports-${q.periodId}`}>{`${late ? 'просрочили' : 'ещё не сдали'}: ${missing}`}</Link>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
