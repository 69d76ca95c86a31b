/**
 * A rendering worker for `renderAll`: it builds its processor and Shiki
 * highlighter once, then renders the batches it is sent. It says `ready`
 * once its modules are loaded, so no post waits on a worker that is still
 * starting.
 */
import { parentPort } from 'node:worker_threads';
import { render, type RenderOptions } from './render.js';

interface Job {
  items: { index: number; source: string; options: RenderOptions }[];
}

parentPort?.on('message', async (job: Job) => {
  const results = [];
  for (const item of job.items) {
    try {
      results.push({ index: item.index, result: await render(item.source, item.options) });
    } catch (error) {
      results.push({
        index: item.index,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  parentPort?.postMessage(results);
});
parentPort?.postMessage('ready');
