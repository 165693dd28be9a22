import { z, ZodIssueCode, type ZodErrorMap } from 'zod';

/** Validation messages in Russian for the people who read them; custom messages in schemas win. */
const russianErrorMap: ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? 'обязательное поле' : `ожидается ${issue.expected}, получено ${issue.received}` };
    case ZodIssueCode.invalid_enum_value:
      return { message: `недопустимое значение «${String(issue.received)}»; допустимы: ${issue.options.join(', ')}` };
    case ZodIssueCode.too_small:
      return { message: issue.type === 'array' ? `нужно не меньше ${String(issue.minimum)} элементов` : `не меньше ${String(issue.minimum)}` };
    case ZodIssueCode.too_big:
      return { message: issue.type === 'array' ? `не больше ${String(issue.maximum)} элементов` : `не больше ${String(issue.maximum)}` };
    case ZodIssueCode.invalid_string:
      return { message: 'неверный формат строки' };
    case ZodIssueCode.unrecognized_keys:
      return { message: unknownFieldsMessage(issue.keys) };
    default:
      return { message: ctx.defaultError };
  }
};

z.setErrorMap(russianErrorMap);

/** A field the request does not know is refused by name rather than silently dropped. */
export function unknownFieldsMessage(keys: string[]): string {
  const names = keys.map((key) => `«${key}»`).join(', ');
  return keys.length === 1 ? `неизвестное поле ${names}: уберите его из запроса` : `неизвестные поля ${names}: уберите их из запроса`;
}
