/** The API's largest page: an export asks for as few pages as it can. */
const EXPORT_PAGE = 200;

/**
 * Every item a filtered list holds, page after page, so an export carries the whole list the filters match and
 * not only the page on the screen.
 */
export async function everyPage<T>(fetchPage: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetchPage(EXPORT_PAGE, items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
