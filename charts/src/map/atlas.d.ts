// The atlas is JSON; declared here so consumers type-check this package without turning on resolveJsonModule.
declare module 'world-atlas/countries-110m.json' {
  const topology: unknown;
  export default topology;
}
