import { useContext, useEffect, useRef } from 'preact/hooks';
import { drawWidget, sampleData, WIDGET_TYPES, type DrawnWidget, type WidgetConfig as ChartWidgetConfig } from '@flexboard/charts';
import type { WidgetConfig } from '../api/types';
import { currentTheme, type Theme } from '../app/theme';
import { BrandColorsContext } from './brandColors';

interface Props {
  config: WidgetConfig;
  /** Small tiles in the visual builder: no legend, axis names or animation. */
  compact?: boolean;
}

function drawable(config: WidgetConfig): config is WidgetConfig & ChartWidgetConfig {
  return WIDGET_TYPES.includes(config.type as ChartWidgetConfig['type']);
}

/** A widget drawn as its type with sample data shaped by its fields, by the same code the agent's viewer draws with. */
export function WidgetChart({ config, compact = false }: Props) {
  if (!drawable(config)) {
    return <div class="chart-unknown">Choose a type to see a preview</div>;
  }
  return <Drawn config={config} compact={compact} />;
}

function Drawn({ config, compact }: { config: ChartWidgetConfig; compact: boolean }) {
  const element = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnWidget | null>(null);
  const key = JSON.stringify(config);
  const brand = useContext(BrandColorsContext);

  useEffect(() => {
    const draw = (theme: Theme) => {
      drawn.current?.dispose();
      drawn.current = drawWidget(element.current!, config, sampleData(config), { theme, compact, brand });
    };
    draw(currentTheme());
    const onTheme = (e: Event) => draw((e as CustomEvent<Theme>).detail);
    window.addEventListener('flexboard:theme', onTheme);
    return () => {
      window.removeEventListener('flexboard:theme', onTheme);
      drawn.current?.dispose();
      drawn.current = null;
    };
  }, [key, compact, brand]);

  return <div class="chart" ref={element} data-chart={config.type} role="img" aria-label={`${config.type} chart with sample data`} />;
}
