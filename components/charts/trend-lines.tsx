"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { FORMATS, type TrendDatum, type TrendKind } from "./trend-format";

/** The trend chart's drawing (recharts), rendered in the browser only (trend-chart.tsx). */
export default function TrendLines({
  data,
  valueLabel,
  kind,
  yMax,
}: {
  data: TrendDatum[];
  valueLabel: string;
  kind: TrendKind;
  yMax?: number;
}) {
  const format = FORMATS[kind];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e5e5" />
        <XAxis dataKey="month" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis tick={{ fontSize: 11 }} width={48} domain={[0, yMax ?? "auto"]} allowDecimals />
        <Tooltip formatter={(v) => format(typeof v === "number" ? v : null)} />
        <Line
          type="stepAfter"
          dataKey="threshold"
          name="Threshold"
          stroke="#b45309"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="value"
          name={valueLabel}
          stroke="#1d4ed8"
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
