export { CreateBlogError, createBlog, type Options } from './create.js';
export { templateFiles, type TemplateOptions } from './template.js';
