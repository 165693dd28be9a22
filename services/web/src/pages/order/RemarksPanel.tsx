import { Text } from '@gravity-ui/uikit';
import type { OrderState, Plan, Remark } from '../../api/types';
import { DECISION_DONE_LABEL } from '../../i18n/labels';

type Decided = OrderState['stages'][number]['decisions'][number];
interface Placed {
  remark: Remark;
  decision: Decided;
}

/**
 * The approvers' remarks on the plan rows, round by round: under each round, the rows in the plan's order with what
 * each approver said about them, then the remarks on the draft as a whole. A row no longer in the plan keeps the
 * name it had in the version decided on.
 */
export function RemarksPanel({ state, plan }: { state: OrderState; plan: Plan | undefined }) {
  const decisions = state.stages.flatMap((stage) => stage.decisions);
  const rounds = [...new Set(decisions.filter((d) => d.comment || d.remarks?.length).map((d) => d.round))].sort((a, b) => b - a);
  if (rounds.length === 0) return null;
  const position = new Map((plan?.sections ?? []).flatMap((s) => s.events).map((e, i) => [e.id, i]));
  return (
    <section className="panel" id="order-remarks" aria-labelledby="remarks-title">
      <Text as="h2" variant="subheader-3" id="remarks-title">
        Замечания согласующих
      </Text>
      {rounds.map((round) => {
        const inRound = decisions.filter((d) => d.round === round);
        const placed = inRound.flatMap((decision) => (decision.remarks ?? []).map((remark): Placed => ({ remark, decision })));
        const rows = groupByRow(placed.filter((p) => p.remark.eventId !== null), position);
        const general = [
          ...inRound.filter((d) => d.comment).map((decision): Placed => ({ remark: { eventId: null, row: null, text: decision.comment! }, decision })),
          ...placed.filter((p) => p.remark.eventId === null),
        ];
        const version = inRound[0]?.version;
        return (
          <div key={round} className="remarks-round" data-round={round}>
            <Text as="h3" variant="subheader-2">{`Круг ${round}${version ? ` (версия ${version})` : ''}`}</Text>
            {rows.length > 0 && (
              <table className="plan-table">
                <thead>
                  <tr>
                    <th scope="col">Строка плана</th>
                    <th scope="col">Замечания</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([eventId, items]) => (
                    <tr key={eventId} data-event-id={eventId}>
                      <td>{items[0].remark.row}</td>
                      <td>
                        <RemarkList items={items} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {general.length > 0 && (
              <>
                <p className="muted">Ко всему проекту:</p>
                <RemarkList items={general} />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

function RemarkList({ items }: { items: Placed[] }) {
  return (
    <ul className="remarks">
      {items.map(({ remark, decision }, i) => (
        <li key={i}>
          <span className="muted">{`${decision.name} (${DECISION_DONE_LABEL[decision.decision].toLowerCase()}): `}</span>
          {remark.text}
        </li>
      ))}
    </ul>
  );
}

/** The remarks by the row they point at, rows in the plan's order (rows gone from the plan last). */
function groupByRow(placed: Placed[], position: Map<string, number>): [string, Placed[]][] {
  const rows = new Map<string, Placed[]>();
  for (const item of placed) rows.set(item.remark.eventId!, [...(rows.get(item.remark.eventId!) ?? []), item]);
  const at = (eventId: string) => position.get(eventId) ?? Number.MAX_SAFE_INTEGER;
  return [...rows.entries()].sort(([a], [b]) => at(a) - at(b));
}
