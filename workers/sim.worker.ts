/// <reference lib="webworker" />
/** The simulation worker: a thin comlink endpoint over the engines (through the task table). */
import * as Comlink from 'comlink';
import { tasks } from './tasks.ts';
import { simWorkerApi } from './simApi.ts';

const api = simWorkerApi(tasks);

export type SimWorkerApi = typeof api;

Comlink.expose(api);
