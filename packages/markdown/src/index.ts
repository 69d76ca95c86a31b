export { createProcessor, type Options } from './processor.js';
export { render, type RenderResult } from './render.js';
