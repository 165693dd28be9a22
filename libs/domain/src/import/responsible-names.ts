import { abbreviationKey, capitalize, expandAbbreviation, withoutDefinitions, type Abbreviations } from './abbreviations';
import type { ImportedResponsible } from './imported-plan.types';
import { splitResponsible } from './split-responsible';

/**
 * The organizations of a «Ответственный» cell with their inline abbreviations expanded. A bare «…» item
 * («Руководители центров «Точка роста», «IT-куб»») shares the head of the item before it, even where the
 * document defined it as an abbreviation: the head says who answers («Руководители»), the definition does not.
 * After a defined item («Центры «Точка роста»», «IT-куб», …) the list goes on in defined names.
 */
export function responsibleNames(text: string, abbreviations: Abbreviations): ImportedResponsible[] {
  let head = '';
  return splitResponsible(text)
    .flatMap((item) => splitGluedNames(item, abbreviations))
    .map((raw) => {
      const bare = withoutDefinitions(raw);
      const quoteOnly = /^[«"][^«»"]+[»"]$/.test(bare);
      const expanded = quoteOnly && head ? null : expandAbbreviation(bare, abbreviations);
      const name = capitalize(expanded ?? (quoteOnly && head ? `${head} ${bare}` : bare));
      const quote = bare.search(/[«"]/);
      if (quote > 0) head = expanded ? '' : bare.slice(0, quote).trim();
      return { raw, name };
    });
}

/**
 * A missing comma glues two defined names («управление общего образования ГБОУДО СО СОЦДИУТТ»); only names
 * the document itself defined are separated, so an ordinary long name is never cut.
 */
function splitGluedNames(item: string, abbreviations: Abbreviations): string[] {
  const words = item.split(/\s+/);
  for (const { short } of abbreviations.values()) {
    const count = short.split(/\s+/).length;
    if (count >= words.length) continue;
    const head = words.slice(0, count).join(' ');
    const rest = words.slice(count).join(' ');
    if (abbreviationKey(head) === abbreviationKey(short) && startsWithDefined(rest, abbreviations)) {
      return [head, ...splitGluedNames(rest, abbreviations)];
    }
  }
  return [item];
}

function startsWithDefined(text: string, abbreviations: Abbreviations): boolean {
  if (abbreviations.has(abbreviationKey(text))) return true;
  return splitGluedNames(text, abbreviations).length > 1;
}
