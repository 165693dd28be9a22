import type { MonitoringFigures } from '../monitoring-memo';

/** Figures shaped like a Tver quarter: directions of the 2024/2025 plan, a few organizations, indicators. */
export function sampleFigures(kind: MonitoringFigures['kind'] = 'quarterly_memo'): MonitoringFigures {
  return {
    kind,
    issuer: 'Министерство образования Тверской области',
    title:
      'Комплексный план мероприятий по организационно-методической поддержке инфраструктуры национального проекта «Образование» на 2024-2025 учебный год',
    period: { start: '2024-10-01', end: '2024-12-31', label: 'IV квартал 2024 года' },
    date: '2025-01-20',
    number: '45/ПК',
    sections: [
      { number: '1', title: 'Проведение совместных мероприятий для обучающихся и педагогических работников', counts: { planned: 12, held: 9, partlyHeld: 1, notHeld: 1, postponed: 1 }, participants: 1840 },
      { number: '2', title: 'Конференции, фестивали, форумы по обмену опытом', counts: { planned: 8, held: 7, partlyHeld: 0, notHeld: 0, postponed: 1 }, participants: 612 },
      { number: '3', title: 'Участие в мероприятиях Минпросвещения России', counts: { planned: 2, held: 2, partlyHeld: 0, notHeld: 0, postponed: 0 }, participants: 230 },
      { number: '4', title: 'Популяризация национального проекта «Образование»', counts: { planned: 4, held: 3, partlyHeld: 1, notHeld: 0, postponed: 0 }, participants: 0 },
      { number: '9', title: 'Поддержка школ с низкими образовательными результатами', counts: { planned: 3, held: 1, partlyHeld: 0, notHeld: 2, postponed: 0 }, participants: 75 },
    ],
    organizations: [
      { name: 'ГБОУ ДПО ТОИУУ', counts: { planned: 11, held: 9, partlyHeld: 1, notHeld: 1, postponed: 0 }, participants: 905 },
      { name: 'Структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»', counts: { planned: 6, held: 6, partlyHeld: 0, notHeld: 0, postponed: 0 }, participants: 410 },
      { name: 'Центры «Точка роста», «IT-куб», «Кванториум»', counts: { planned: 12, held: 7, partlyHeld: 1, notHeld: 2, postponed: 2 }, participants: 1442 },
    ],
    indicators: [
      { name: 'Доля педагогов центров, прошедших повышение квалификации', unit: '%', target: 50, actual: 43 },
      { name: 'Число обучающихся, участвовавших в мероприятиях центров', unit: 'чел.', target: 2500, actual: 2757 },
    ],
    notHeld: [
      { number: '1.4', title: 'Региональный этап Олимпиады школьников «Робофест-2025»', responsible: 'Центры «Точка роста», «IT-куб», «Кванториум»', reason: 'Перенесён организатором на февраль 2025 года' },
      { number: '9.3', title: 'Проведение стажировок для учителей общеобразовательных организаций, показывающих низкие образовательные результаты', responsible: 'Центры «Точка роста»', reason: 'Не сформированы группы слушателей' },
    ],
    signatory: { position: 'Начальник отдела общего образования', name: 'И.И. Иванова' },
  };
}
