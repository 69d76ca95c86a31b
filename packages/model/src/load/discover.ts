/** Phase: finds the site's files and its `_posts` folders, honouring `exclude` and `include`. */
import { listSiteFiles } from '../walk.js';
import type { LoadState } from './state.js';

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function discover(state: LoadState): LoadState {
  const { files, postFolders } = listSiteFiles(state.root, {
    exclude: asList(state.site.config.exclude),
    include: ['.htaccess', '.well-known', ...asList(state.site.config.include)],
  });
  state.files = files;
  state.postFolders = postFolders;
  return state;
}
