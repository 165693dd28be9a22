import { Text } from '@gravity-ui/uikit';
import type { OrderState } from '../../api/types';
import { formatDateTime } from '../../format';
import { DECISION_DONE_LABEL, ORDER_STATUS_LABEL, STAGE_STATUS_LABEL } from '../../i18n/labels';

/** The workflow as the clerk needs it: where the order is, every stage with its decisions (all rounds), the history. */
export function StatePanel({ state }: { state: OrderState }) {
  return (
    <section className="panel" id="order-state" aria-labelledby="state-title">
      <Text as="h2" variant="subheader-3" id="state-title">
        Ход согласования и исполнения
      </Text>
      <p className="state-line">
        <span className="muted">{`Версия ${state.version}, круг согласования ${state.round}`}</span>
        {state.registrationNumber && <span>{` · рег. № ${state.registrationNumber}`}</span>}
      </p>
      {state.failure && (
        <p className="field-error" id="order-failure">
          {`Сбой: ${state.failure.message}`}
        </p>
      )}
      <Text as="h3" variant="subheader-2">
        Маршрут согласования
      </Text>
      {state.stages.map((stage, index) => (
        <div key={index} className="stage" data-status={stage.status}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <strong>{`${index + 1}. ${stage.name}`}</strong>
            <span className="muted stage-status">{STAGE_STATUS_LABEL[stage.status]}</span>
          </div>
          <ul className="approvers">
            {stage.approvers.map((a, i) => (
              <li key={i}>
                {`${a.name}, ${a.position}`}
              </li>
            ))}
          </ul>
          {stage.decisions.length > 0 && (
            <ul className="decisions">
              {stage.decisions.map((d, i) => (
                <li key={i} className={`decision decision-${d.decision}`}>
                  <strong>{DECISION_DONE_LABEL[d.decision]}</strong>
                  {` — ${d.name}${d.actingFor ? ` (за отсутствующего: ${stage.approvers.find((a) => a.personId === d.actingFor)?.name ?? 'согласующего этапа'})` : ''}, версия ${d.version}, круг ${d.round}, ${formatDateTime(d.decidedAt)}`}
                  {d.comment && <blockquote>{d.comment}</blockquote>}
                  {d.remarks && d.remarks.length > 0 && (
                    <ul className="decision-remarks">
                      {d.remarks.map((r, j) => (
                        <li key={j}>{r.row ? `К строке ${r.row}: ${r.text}` : r.text}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <Text as="h3" variant="subheader-2">
        История
      </Text>
      <ol className="history">
        {state.history.map((entry, i) => (
          <li key={i}>
            <span className="muted">{formatDateTime(entry.at)}</span> {ORDER_STATUS_LABEL[entry.status]}
            {entry.note ? ` — ${entry.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
