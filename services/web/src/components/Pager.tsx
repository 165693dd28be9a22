import { Button } from '@gravity-ui/uikit';

/** «1–25 из 130» with «Назад» and «Далее». */
export function Pager({ page, pageSize, shown, total, onPage }: { page: number; pageSize: number; shown: number; total: number; onPage: (page: number) => void }) {
  const first = (page - 1) * pageSize;
  return (
    <nav className="pager" aria-label="Страницы списка">
      <Button view="outlined" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← Назад
      </Button>
      <span className="muted pager-range">{total === 0 ? 'нет записей' : `${first + 1}–${first + shown} из ${total}`}</span>
      <Button view="outlined" disabled={first + shown >= total} onClick={() => onPage(page + 1)}>
        Далее →
      </Button>
    </nav>
  );
}
