import { createContext } from 'preact';
import type { BrandColors } from '@flexboard/charts';

/**
 * The tenant's branding colours for every chart preview below the builder's views, as its viewer draws them
 * (the charts take primary, secondary and accent, and skip a malformed one).
 */
export const BrandColorsContext = createContext<BrandColors | undefined>(undefined);
