/** widget-config.schema.json compiled by the build (../../widget-config-validator.ts). */
declare module 'virtual:widget-config-validator' {
  import type { ErrorObject } from 'ajv';

  interface ValidateFunction {
    (data: unknown): boolean;
    errors?: ErrorObject[] | null;
  }
  const validate: ValidateFunction;
  export default validate;
}
