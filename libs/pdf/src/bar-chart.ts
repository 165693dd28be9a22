import type { CanvasElement, Content, TableCell } from 'pdfmake/interfaces';

export interface BarSegment {
  value: number;
  color: string;
}

export interface Bar {
  label: string;
  /** The full length of the bar; segments fill it from the left, what they leave is shown empty. */
  total: number;
  segments: BarSegment[];
  /** Printed after the bar, e.g. «75 %». */
  valueText: string;
}

export interface LegendItem {
  label: string;
  color: string;
}

const BAR_HEIGHT = 11;
const ROW_GAP = 5;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 40;
const GRID_STEPS = 4;
const GRID_COLOR = '#bdbdbd';

/**
 * A horizontal stacked bar chart drawn as vector graphics (canvas rectangles and lines) with text labels in a
 * borderless table, so it stays sharp in print and its labels are searchable text.
 */
export function stackedBarChart(bars: Bar[], legend: LegendItem[], width: number, fontSize: number): Content {
  const barWidth = width - LABEL_WIDTH - VALUE_WIDTH;
  const rows: TableCell[][] = bars.map((bar) => [
    { text: bar.label, fontSize, margin: [0, ROW_GAP / 2, 4, 0] },
    { canvas: barShapes(bar, barWidth), margin: [0, ROW_GAP / 2, 0, ROW_GAP / 2] },
    { text: bar.valueText, fontSize, margin: [4, ROW_GAP / 2, 0, 0] },
  ]);
  rows.push([{ text: '' }, { canvas: axis(barWidth) }, { text: '' }]);
  rows.push([{ text: '' }, axisLabels(barWidth, fontSize - 1), { text: '' }]);
  return {
    stack: [
      { table: { widths: [LABEL_WIDTH, barWidth, VALUE_WIDTH], body: rows, dontBreakRows: true }, layout: 'noBorders' },
      legendRow(legend, fontSize),
    ],
  };
}

function barShapes(bar: Bar, barWidth: number): CanvasElement[] {
  const shapes: CanvasElement[] = gridLines(barWidth, BAR_HEIGHT + ROW_GAP, -ROW_GAP / 2);
  let x = 0;
  for (const segment of bar.segments) {
    const w = bar.total > 0 ? (segment.value / bar.total) * barWidth : 0;
    if (w > 0) shapes.push({ type: 'rect', x, y: 0, w, h: BAR_HEIGHT, color: segment.color });
    x += w;
  }
  shapes.push({ type: 'rect', x: 0, y: 0, w: barWidth, h: BAR_HEIGHT, lineColor: '#616161', lineWidth: 0.5 });
  return shapes;
}

/** Light vertical lines at 0, 25, 50, 75 and 100 %, repeated in every row so they read as one grid. */
function gridLines(barWidth: number, height: number, top: number): CanvasElement[] {
  return Array.from({ length: GRID_STEPS + 1 }, (_, step): CanvasElement => {
    const x = (barWidth * step) / GRID_STEPS;
    return { type: 'line', x1: x, y1: top, x2: x, y2: top + height, lineWidth: 0.3, lineColor: GRID_COLOR };
  });
}

function axis(barWidth: number): CanvasElement[] {
  return [
    { type: 'line', x1: 0, y1: 0, x2: barWidth, y2: 0, lineWidth: 0.5, lineColor: '#616161' },
    ...Array.from({ length: GRID_STEPS + 1 }, (_, step): CanvasElement => {
      const x = (barWidth * step) / GRID_STEPS;
      return { type: 'line', x1: x, y1: 0, x2: x, y2: 3, lineWidth: 0.5, lineColor: '#616161' };
    }),
  ];
}

/** «0 %» … «100 %» under the ticks: equal columns centred on each tick, the outer two half as wide. */
function axisLabels(barWidth: number, fontSize: number): Content {
  const step = barWidth / GRID_STEPS;
  return {
    columns: Array.from({ length: GRID_STEPS + 1 }, (_, index) => ({
      width: index === 0 || index === GRID_STEPS ? step / 2 : step,
      text: `${(100 * index) / GRID_STEPS} %`,
      alignment: index === 0 ? ('left' as const) : index === GRID_STEPS ? ('right' as const) : ('center' as const),
      fontSize,
    })),
    columnGap: 0,
  };
}

function legendRow(legend: LegendItem[], fontSize: number): Content {
  return {
    margin: [LABEL_WIDTH, 4, 0, 0],
    columns: legend.map((item) => ({
      width: 'auto',
      columns: [
        { width: 10, canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, color: item.color }] },
        { width: 'auto', text: item.label, fontSize, margin: [2, 0, 10, 0] },
      ],
    })),
  };
}
