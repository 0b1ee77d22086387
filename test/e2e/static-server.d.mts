export function serveStatic(dir: string, extra?: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }>;
