// Boots bench/ou_worker.ts inside a worker_thread: worker threads do not inherit tsx's loader, so register it here.
import { register } from 'tsx/esm/api';

register();
await import('./ou_worker.ts');
