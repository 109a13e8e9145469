// The ECharts bundle the portal ships: only what its charts use (line and bar charts on a
// grid, the sankey of the 图解, with tooltip, legend, title and the accessibility description), drawn on canvas.
// Built by scripts/echarts-bundle.mjs (a Trunk pre_build hook); the app loads it on pages
// that show a chart, after their text (src/charts.rs).
import * as echarts from "echarts/core";
import { BarChart, LineChart, SankeyChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  BarChart,
  // The 图解's flow of table 3 (src/charts/flow.rs).
  SankeyChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  // The title is not shown (the page prints it); the aria description reads it.
  TitleComponent,
  AriaComponent,
  CanvasRenderer,
]);

window.echarts = echarts;
