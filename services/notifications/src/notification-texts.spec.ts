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

  it('puts the page\'s full address under PUBLIC_URL into the e-mail, keeping a path prefix', () => {
    const notice = noticeTexts.awaitingSignature({ orderId: 'o-1', issuerId: 'i', title: 'Об утверждении плана', signatoryId: 's' });
    expect(emailOf(notice, 'https://edu.example.ru/eduplan/')).toEqual({
      subject: 'eduplan: Приказ ждёт вашей подписи',
      text: expect.stringContaining('Открыть: https://edu.example.ru/eduplan/orders/o-1'),
    });
    expect(emailOf(notice, 'http://127.0.0.1:3000').text).toContain('Открыть: http://127.0.0.1:3000/orders/o-1\n');
  });
});
