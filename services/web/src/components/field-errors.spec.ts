/// <reference types="jest" />
import { ApiError } from '../api/api-error';
import { fieldError, formLevelError } from './field-errors';

describe('a refused form’s messages, each at its field', () => {
  it('reads a service’s zod issues, also when the service checked them under its own request key', () => {
    const refused = ApiError.of(400, {
      code: 'VALIDATION',
      message: 'Неверные данные — edit.changes.title: заполните название',
      details: [
        { path: ['edit', 'changes', 'title'], message: 'заполните название' },
        { path: ['items', 0, 'participants'], message: 'число не меньше 0' },
      ],
    });
    expect(fieldError(refused, 'title')).toBe('заполните название');
    expect(fieldError(refused, 'items.0.participants')).toBe('число не меньше 0');
    expect(fieldError(refused, 'items', true)).toBe('число не меньше 0');
    expect(fieldError(refused, 'place')).toBeUndefined();
    expect(formLevelError(refused, ['title', 'items'])).toBeNull();
  });

  it('keeps a refusal that names no field whole, above the form', () => {
    const refused = ApiError.of(400, { code: 'VALIDATION', message: 'Загрузите один файл в поле «file»' });
    expect(fieldError(refused, 'file')).toBeUndefined();
    expect(formLevelError(refused, ['title'])).toBe(refused);
  });

  it('keeps a refusal that is not a form’s (a conflict) for the form as a whole', () => {
    const conflict = ApiError.of(409, { code: 'CONFLICT', message: 'План изменён другим пользователем: обновите страницу' });
    expect(conflict.message).toBe('План изменён другим пользователем: обновите страницу');
    expect(fieldError(conflict, 'title')).toBeUndefined();
    expect(formLevelError(conflict, ['title'])).toBe(conflict);
  });
});
