// Chart options shared by the screens (ECharts), with the colour-blind-safe palette and a
// different symbol per series.

import { PALETTE, SYMBOLS, mineralName, tonnes } from "./format.js";

const MEASURE_NAMES = { tagged: "tagged", exported: "exported", in: "in", out: "out" };

/**
 * A line chart of monthly masses (answer of /stats/monthly or a throughput route), one line per
 * mineral and measure; the second measure of a mineral is dashed.
 */
export function monthlyOption(monthly, { title = "", extraSeries = [] } = {}) {
  const minerals = [...new Set(monthly.series.map((series) => series.mineral))];
  const series = monthly.series.map((series) => {
    const index = minerals.indexOf(series.mineral);
    const dashed = series.measure === "exported" || series.measure === "out";
    return {
      name: `${mineralName(series.mineral)} ${MEASURE_NAMES[series.measure] || series.measure}`,
      type: "line",
      data: series.massGrams.map(tonnes),
      color: PALETTE[index % PALETTE.length],
      symbol: SYMBOLS[index % SYMBOLS.length],
      symbolSize: 7,
      lineStyle: { width: 2, type: dashed ? "dashed" : "solid" },
    };
  });
  return {
    title: title ? { text: title, textStyle: { fontSize: 13 } } : undefined,
    animation: false,
    tooltip: { trigger: "axis", valueFormatter: (value) => `${value} t` },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 52, right: 16, top: title ? 44 : 30, bottom: 58 },
    xAxis: { type: "category", data: monthly.months },
    yAxis: { type: "value", name: "tonnes", nameTextStyle: { align: "left" } },
    series: [...series, ...extraSeries],
  };
}
