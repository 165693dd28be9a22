/** Text searched with SQL `LIKE` as itself: `%`, `_` and the escape character match only themselves. */
export const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
