import { useContext, useEffect, useRef } from 'preact/hooks';
import { drawWidget, type DrawnWidget, type WidgetConfig, type WidgetData } from '@flexboard/charts';
import { BrandColorsContext } from '../app/branding';
import type { Theme } from '../app/theme';

interface Props {
  name: string;
  config: WidgetConfig;
  data: WidgetData;
  theme: Theme;
  onPointClick?: (point: Record<string, unknown>) => void;
}

/**
 * One widget drawn by the shared chart package (the builder's preview draws with the same code). Drawn
 * once, then updated in place, so a refresh or a filter change does not rebuild the chart.
 */
export function Chart({ name, config, data, theme, onPointClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnWidget | null>(null);
  const click = useRef(onPointClick);
  click.current = onPointClick;
  const brand = useContext(BrandColorsContext);

  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    const widget = drawWidget(element.current, config, data, {
      theme,
      brand,
      locale: navigator.language,
      onPointClick: onPointClick ? (point) => click.current?.(point) : undefined,
    });
    drawn.current = widget;
    // The first-paint measurement (ViewerBrowserTest) reads these marks: the last one is the dashboard drawn.
    performance.mark(`fb-widget-drawn:${name}`);
    // drawWidget follows the element's size itself.
    return () => {
      widget.dispose();
      drawn.current = null;
    };
    // A new config (a new published version) draws anew; data, theme and branding changes update in place below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config]);

  useEffect(() => {
    drawn.current?.update(data, { theme, brand });
  }, [data, theme, brand]);

  return <div class="chart" ref={element} />;
}
