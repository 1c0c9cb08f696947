// The snapshot build's thread (build-thread.ts) starts here. A worker thread does not inherit the
// TypeScript loader its server runs under (tsx, or vitest's own), so it registers tsx for itself.
import { register } from 'tsx/esm/api';

register();
await import('./build-worker.ts');
