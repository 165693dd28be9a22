import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Страница не найдена">Страница не найдена</PageTitle>
      <p>
        Такой страницы нет. Перейдите к <Link to="/">своим задачам</Link>.
      </p>
    </>
  );
}
