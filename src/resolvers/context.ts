/** Re-export for the runtime's imports; the context lives in `src/schema/context.ts`. */
export type { GatewayAuth, GatewayContext, GatewayLogger } from '../schema/context';
