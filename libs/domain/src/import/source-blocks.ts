/**
 * What both readers (text and .docx) produce, so one interpreter serves both: a paragraph is a block with
 * one cell, a table row a block with its cells (merged cells already expanded to the grid).
 */
export interface SourceBlock {
  /** 1-based line of the text, or the block's ordinal in a .docx. */
  line: number;
  cells: string[];
  isRow: boolean;
}
