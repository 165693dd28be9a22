import { Link as ExternalLink, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/api-error';
import type { Order, OrderState, OrderStatus } from '../../api/types';
import { awaitsDecisionOf, isSignatoryOf, personOf } from '../../auth/acting-user';
import { hasRole, useMe } from '../../auth/use-me';
import { ErrorMessage, Loading, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { OrderStatusLabel } from '../../components/StatusLabel';
import { formatDate, formatDateTime } from '../../format';
import { ORDER_KIND_LABEL } from '../../i18n/labels';
import { usePlan } from '../shared/queries';
import { DecisionForm } from './DecisionForm';
import { DocumentsPanel } from './DocumentsPanel';
import { DraftPreview } from './DraftPreview';
import { OrderTextForm, OrderText } from './OrderTextForm';
import { PeriodsPanel } from './PeriodsPanel';
import { RemarksPanel } from './RemarksPanel';
import { ResubmitForm, RetryForm, SignForm } from './StepForms';
import { RouteForm } from './RouteForm';
import { StatePanel } from './StatePanel';
import { useStandingIn } from './standing-in';

const POLL_MS = 3000;
/** After these nothing moves any more: polling stops. */
const SETTLED: OrderStatus[] = ['closed', 'cancelled', 'amended'];
/** While the author may still change the text (the plans service checks the same). */
const EDITABLE: OrderStatus[] = ['draft', 'returned'];

export const orderKey = (orderId: string) => ['order', orderId] as const;
export const stateKey = (orderId: string) => ['order-state', orderId] as const;

/**
 * The order card: its text (editable while the author's), where it stands in its workflow (refreshed every 3 s while
 * it moves), what the signed-in person can do now — the approver beside the draft PDF, the signatory, the author —
 * and its reporting periods and documents.
 */
export default function OrderPage() {
  const { orderId } = useParams();
  const order = useQuery({ queryKey: orderKey(orderId!), queryFn: () => ok(api.GET('/api/orders/{id}', { params: { path: { id: orderId! } } })) });
  return (
    <QueryView query={order} loading="Загрузка приказа…">
      {(data) => <OrderCard order={data} />}
    </QueryView>
  );
}

function useOrderState(order: Order) {
  return useQuery({
    queryKey: stateKey(order.id),
    queryFn: async (): Promise<OrderState | null> => {
      try {
        return await ok(api.GET('/api/orders/{id}/state', { params: { path: { id: order.id } } }));
      } catch (error) {
        // Not yet sent for approval: the workflow does not exist.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (query) => (query.state.data === null || SETTLED.includes(query.state.data?.status ?? 'draft') ? false : POLL_MS),
  });
}

function OrderCard({ order }: { order: Order }) {
  const me = useMe();
  const plan = usePlan(order.planId);
  const state = useOrderState(order);
  const current = state.data;
  const status = current?.status ?? order.status;
  const person = personOf(me);
  const standingIn = useStandingIn(hasRole(me, 'approver') ? current : null, person);
  const ownTurn = current !== null && current !== undefined && awaitsDecisionOf(current, person);
  // The decision form only for an approver of the active stage (or their substitute today) who has not decided yet.
  const deciding = hasRole(me, 'approver') && (ownTurn || (standingIn.data ?? []).length > 0);
  // «Подписать» only for the signatory the order names (the signed-in person compared with order.signatory).
  const signing = current?.status === 'signing' && hasRole(me, 'signatory') && isSignatoryOf(order, person);
  const editor = hasRole(me, 'editor');
  return (
    <>
      <PageTitle title={order.title} after={<OrderStatusLabel status={status} />}>
        {order.title}
      </PageTitle>
      <dl className="facts panel" id="order-facts">
        <dt>Документ</dt>
        <dd>{ORDER_KIND_LABEL[order.kind]}</dd>
        <dt>План</dt>
        <dd>{plan.data ? <Link to={`/plans/${plan.data.id}`}>{plan.data.title}</Link> : '…'}</dd>
        <dt>Подписывает</dt>
        <dd>{`${order.signatory.name}, ${order.signatory.position}`}</dd>
        {order.place && (
          <>
            <dt>Место издания</dt>
            <dd>{order.place}</dd>
          </>
        )}
        {(current?.registrationNumber ?? order.registrationNumber) && (
          <>
            <dt>Регистрация</dt>
            <dd id="registration">{`№ ${current?.registrationNumber ?? order.registrationNumber}${order.registeredOn ? ` от ${formatDate(order.registeredOn)}` : ''}`}</dd>
          </>
        )}
        <dt>Создан</dt>
        <dd>{formatDateTime(order.createdAt)}</dd>
      </dl>
      {state.error ? <ErrorMessage error={state.error} title="Состояние процесса не получено" /> : null}
      {state.isPending && <Loading text="Загрузка состояния процесса…" />}
      {current?.failure && editor && <RetryForm state={current} />}
      {deciding && current && plan.data ? (
        <div className="two-columns">
          <DraftPreview order={order} state={current} />
          <div>
            <DecisionForm state={current} plan={plan.data} ownTurn={ownTurn} standingIn={standingIn.data ?? []} />
            <StatePanel state={current} />
          </div>
        </div>
      ) : (
        <>
          {signing && current && <SignForm state={current} order={order} />}
          {current?.status === 'returned' && editor && <ResubmitForm state={current} />}
          {EDITABLE.includes(status) && editor ? <OrderTextForm order={order} /> : <OrderText order={order} />}
          {state.data === null && status === 'draft' && editor && <RouteForm order={order} />}
          {current && <StatePanel state={current} />}
        </>
      )}
      {current && <RemarksPanel state={current} plan={plan.data} />}
      {current && current.periods.length > 0 && <PeriodsPanel state={current} plan={plan.data} />}
      <DocumentsPanel order={order} state={current ?? null} />
      <p className="no-print">
        <ExternalLink href={`/api/orders/${order.id}/approval-sheet`} target="_blank">
          Лист согласования (PDF)
        </ExternalLink>
      </p>
      {!current && !state.isPending && status !== 'draft' && <Text color="complementary">Процесс согласования ещё не начат.</Text>}
    </>
  );
}
