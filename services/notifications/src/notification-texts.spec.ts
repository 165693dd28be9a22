import { emailOf, noticeTexts } from './notification-texts';

describe('what a notice and its e-mail say', () => {
  const fact = { periodId: 'p', orderId: 'o', issuerId: 'i', planTitle: 'Комплексный план «Точка роста»', year: 2026, quarter: 3, deadline: '2026-10-14', organizationIds: ['c'] };

  it('tells a reporter which quarter opened, for which plan, and the last day to report, with the reports page', () => {
    expect(noticeTexts.periodOpened(fact)).toEqual({
      kind: 'period_opened',
      title: 'Открыт отчётный период: 3 квартал 2026 г.',
      text: 'По плану «Комплексный план «Точка роста»» открыт отчётный период 3 квартал 2026 г. Отправьте отчёт своей организации о проведённых мероприятиях до 14.10.2026 включительно.',
      link: '/reports',
    });
  });

  it('reminds a reporter of the quarter, the plan and the last day, and sums up for the analyst how many are late', () => {
    expect(noticeTexts.reminderDue(fact)).toEqual({
      kind: 'report_reminder',
      title: 'Скоро срок отчёта: 3 квартал 2026 г.',
      text: 'Ваша организация ещё не отправила отчёт за 3 квартал 2026 г. по плану «Комплексный план «Точка роста»». Срок — 14.10.2026 включительно: отправьте отчёт до этого дня.',
      link: '/reports',
    });
    const { organizationIds: _ids, ...period } = fact;
    expect(noticeTexts.overdueDigest({ ...period, expected: 120, late: 7 })).toMatchObject({
      kind: 'overdue_digest',
      title: 'Просрочены отчёты за 3 квартал 2026 г.',
      text: expect.stringContaining('срок отчётов за 3 квартал 2026 г. истёк 14.10.2026: не отчитались 7 из 120 организаций'),
      link: '/monitoring?orderId=o',
    });
  });

  it('puts the page\'s full address under PUBLIC_URL into the e-mail, keeping a path prefix', () => {
    const notice = noticeTexts.awaitingSignature({ orderId: 'o-1', issuerId: 'i', title: 'Об утверждении плана', signatoryId: 's' });
    expect(emailOf(notice, 'https://edu.example.ru/eduplan/')).toEqual({
      subject: 'eduplan: Приказ ждёт вашей подписи',
      text: expect.stringContaining('Открыть: https://edu.example.ru/eduplan/orders/o-1'),
    });
    expect(emailOf(notice, 'http://127.0.0.1:3000').text).toContain('Открыть: http://127.0.0.1:3000/orders/o-1\n');
  });
});
