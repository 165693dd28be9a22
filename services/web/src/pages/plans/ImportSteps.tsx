const STEPS = ['Загрузка файла', 'Проверка распознанного', 'Ответственные организации'];

/** Where the import is: upload → what was recognised → linking «Ответственные» (on the plan's page). */
export function ImportSteps({ current }: { current: number }) {
  return (
    <ol className="chips import-steps" aria-label="Шаги импорта" style={{ listStyle: 'none', padding: 0 }}>
      {STEPS.map((step, index) => (
        <li key={step} aria-current={index + 1 === current ? 'step' : undefined} style={{ fontWeight: index + 1 === current ? 600 : 400 }}>
          {`${index + 1}. ${step}`}
        </li>
      ))}
    </ol>
  );
}
