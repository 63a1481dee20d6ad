"use client";
import { type ComponentType, useEffect, useState } from "react";
import type { TrendDatum, TrendKind } from "./trend-format";

type Props = { data: TrendDatum[]; valueLabel: string; kind: TrendKind; yMax?: number };

/**
 * The trend chart's drawing, loaded after the page has mounted: on the server a chart has no size, so nothing is
 * rendered there, and the charting library stays out of the page's first JavaScript (SPEC §9, fast pages). Not
 * next/dynamic with `ssr: false`, whose server render bails out of rendering by throwing, on every request.
 */
export function TrendLinesOnMount(props: Props) {
  const [Lines, setLines] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    let mounted = true;
    import("./trend-lines").then((m) => mounted && setLines(() => m.default));
    return () => {
      mounted = false;
    };
  }, []);
  return Lines ? <Lines {...props} /> : null;
}
