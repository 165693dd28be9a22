import { Label, Tab, TabList, TabPanel, TabProvider } from '@gravity-ui/uikit';
import { useParams } from 'react-router';
import type { Plan } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { formatInterval } from '../../format';
import { PLAN_STATUS_LABEL } from '../../i18n/labels';
import { useOrganization, usePlan } from '../shared/queries';
import { EventsTab } from './EventsTab';
import { OrderTab } from './OrderTab';
import { ResponsibleTab } from './ResponsibleTab';
import { VersionsTab } from './VersionsTab';

const TABS = ['events', 'responsible', 'versions', 'order'] as const;
type PlanTab = (typeof TABS)[number];

/** A plan: its events by section (edited in place while a draft), who answers for them, its versions, its order. */
export default function PlanPage() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  return (
    <QueryView query={plan} loading="Загрузка плана…">
      {(data) => <PlanView plan={data} />}
    </QueryView>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const me = useMe();
  const issuer = useOrganization(plan.issuerId);
  const { values, set } = useUrlState(['tab', 'imported'] as const);
  const tab: PlanTab = (TABS as readonly string[]).includes(values.tab) ? (values.tab as PlanTab) : 'events';
  const events = plan.sections.flatMap((s) => s.events);
  const doubtful = events.filter((e) => e.deadline.warnings.length > 0).length;
  const editable = hasRole(me, 'editor') && (plan.status ?? 'draft') === 'draft';
  return (
    <>
      <PageTitle title={plan.title} after={<Label>{PLAN_STATUS_LABEL[plan.status ?? 'draft']}</Label>}>
        {plan.title}
      </PageTitle>
      <dl className="facts panel" id="plan-facts">
        <dt>Период</dt>
        <dd>{formatInterval(plan.period)}</dd>
        <dt>Утверждает</dt>
        <dd>{issuer.data?.name ?? '…'}</dd>
        <dt>Версия</dt>
        <dd id="plan-version">{plan.version}</dd>
        <dt>Мероприятий</dt>
        <dd>
          {events.length}
          {doubtful > 0 && <span className="warning">{` · сроки ${doubtful} из них требуют проверки`}</span>}
        </dd>
      </dl>
      <TabProvider value={tab} onUpdate={(next) => set({ tab: next === 'events' ? '' : next })}>
        <TabList aria-label="Разделы плана">
          <Tab value="events">Мероприятия</Tab>
          <Tab value="responsible">Ответственные</Tab>
          <Tab value="versions">Версии</Tab>
          <Tab value="order">Приказ</Tab>
        </TabList>
        <div style={{ paddingTop: 12 }}>
          <TabPanel value="events">{tab === 'events' && <EventsTab plan={plan} editable={editable} />}</TabPanel>
          <TabPanel value="responsible">{tab === 'responsible' && <ResponsibleTab plan={plan} justImported={values.imported === '1'} />}</TabPanel>
          <TabPanel value="versions">{tab === 'versions' && <VersionsTab plan={plan} />}</TabPanel>
          <TabPanel value="order">{tab === 'order' && <OrderTab plan={plan} />}</TabPanel>
        </div>
      </TabProvider>
    </>
  );
}
