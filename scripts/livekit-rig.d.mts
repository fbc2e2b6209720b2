// Types for scripts/livekit-rig.mjs (plain JavaScript, so node runs it without a build step).
type TEnv = Record<string, string | undefined>;
export declare const LIVEKIT_VERSION: string;
export declare const LIVEKIT_TEST_KEYS: { apiKey: string; apiSecret: string };
export declare function livekitBinary(env?: TEnv): string;
export declare function hasLivekitBinary(env?: TEnv): boolean;
export declare function livekitTestPorts(env?: TEnv): { e2ePort: number; signal: number; tcp: number; udp: [number, number]; url: string };
