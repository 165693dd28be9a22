import { rolesProblem } from './account-role-rules';

describe('which roles an account may hold', () => {
  const ministry = { kind: 'ministry' as const, name: 'Министерство образования Тверской области' };
  const center = { kind: 'center' as const, name: 'Центр «Точка роста» № 1' };

  it('gives a reporter to a center, ministry roles and the administrator to the ministry', () => {
    expect(rolesProblem(['reporter'], center)).toBeNull();
    expect(rolesProblem(['editor', 'approver', 'admin'], ministry)).toBeNull();
    expect(rolesProblem(['admin'], center)).toBeNull();
  });

  it('refuses a reporter outside a subordinate organization and ministry roles in a center, naming them', () => {
    expect(rolesProblem(['reporter'], ministry)).toMatch(/«ответственный за отчёты организации».*министерство/);
    expect(rolesProblem(['reporter'], null)).toMatch(/центра или школы/);
    expect(rolesProblem(['reporter', 'analyst'], center)).toMatch(/«аналитик» даются сотрудникам министерства/);
  });
});
