/**
 * The content-manager plugin, extended (Strapi 5 extension): the admin home page's entry counts
 * are fenced to the editor's portals (lib/homepage-fence.ts).
 */
import type { Core } from '@strapi/strapi';
import { homepageCounts, type DocumentCounts } from '../../lib/homepage-fence';

interface HomepageService {
  getCountDocuments(): Promise<DocumentCounts>;
}

interface ContentManagerPlugin {
  services: Record<string, unknown> & { homepage?: (deps: { strapi: Core.Strapi }) => HomepageService };
}

export default (plugin: ContentManagerPlugin): ContentManagerPlugin => {
  const factory = plugin.services.homepage;
  if (!factory) throw new Error('The content-manager plugin has no homepage service: check cms/src/extensions/content-manager after a Strapi upgrade');
  plugin.services.homepage = (deps) => {
    const service = factory(deps);
    const unfenced = service.getCountDocuments.bind(service);
    service.getCountDocuments = () => homepageCounts(deps.strapi, unfenced);
    return service;
  };
  return plugin;
};
