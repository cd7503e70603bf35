import { fieldsOfKind, type ContentType } from './define';
import type { ComponentDef, Field } from './fields';
import { components, contentTypes, legacyTypes } from './model';

/** A Strapi `schema.json` of a content type or component. */
export type StrapiSchema = Record<string, unknown>;

function attributesOf(attributes: Record<string, Field>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).map(([name, field]) => [name, field.strapi]));
}

/** The Strapi schema of one content type of the model. */
export function toStrapiSchema(type: ContentType): StrapiSchema {
  const collectionName = type.pluralName.replace(/-/g, '_');
  // Slugs are looked up on every save (uniqueness) and by the site: index them, or a portal
  // with 10,000 articles scans the table on each write.
  const slugFields = fieldsOfKind(type, 'uid');
  const indexes = slugFields.map((f) => ({ name: `${collectionName}_${f}_idx`, columns: [f] }));
  // Every publish reads each collection's published entries' stamps (cms/src/lib/stamps-route.ts):
  // with this index SQLite reads them from the index alone. Without it the rows themselves are read,
  // and their long text (an article's body) lies before `updated_at`: at 50,000 articles ~0.35 s,
  // ~0.8 s with the portal fence, against ~0.1 s.
  if (type.kind === 'collectionType') indexes.push({ name: `${collectionName}_stamps_idx`, columns: [...(type.draftAndPublish ? ['published_at'] : []), 'document_id', 'updated_at'] });
  return {
    kind: type.kind,
    collectionName,
    info: {
      singularName: type.singularName,
      pluralName: type.pluralName,
      displayName: type.displayName,
      description: type.description,
    },
    options: { draftAndPublish: type.draftAndPublish },
    pluginOptions: type.hidden ? { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } } : {},
    ...(indexes.length > 0 ? { indexes } : {}),
    attributes: attributesOf(type.attributes),
  };
}

/** The Strapi schema of one component of the model. */
export function toStrapiComponent(component: ComponentDef): StrapiSchema {
  return {
    collectionName: `components_${component.category}_${component.name}s`.replace(/-/g, '_'),
    info: { displayName: component.displayName },
    options: {},
    attributes: attributesOf(component.attributes),
  };
}

const HEADER = '// Generated from content-types/ by `npm run generate`: do not edit.\n';

/**
 * The core router; every route of a draft & publish type goes through published-only
 * (cms/src/middlewares/published-only.ts): only the preview token ever sees a draft.
 */
function routerFile(type: ContentType): string {
  const actions = type.kind === 'singleType' ? ['find', 'update', 'delete'] : ['find', 'findOne', 'create', 'update', 'delete'];
  const config = type.draftAndPublish
    ? `, {\n  config: {\n${actions.map((a) => `    ${a}: { middlewares: ['global::published-only'] },`).join('\n')}\n  },\n}`
    : '';
  return `${HEADER}import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreRouter('${type.uid}'${config});\n`;
}

/**
 * Every file the CMS needs for the model, keyed by path relative to `cms/`: schemas, and
 * Strapi's stock controller/route/service one-liners for each type.
 */
export function strapiFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const type of [...contentTypes, ...legacyTypes]) {
    const name = type.singularName;
    const base = `src/api/${name}`;
    files.set(`${base}/content-types/${name}/schema.json`, json(toStrapiSchema(type)));
    files.set(`${base}/controllers/${name}.ts`, `${HEADER}import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreController('${type.uid}');\n`);
    files.set(`${base}/services/${name}.ts`, `${HEADER}import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreService('${type.uid}');\n`);
    files.set(`${base}/routes/${name}.ts`, routerFile(type));
  }
  for (const component of components) {
    files.set(`src/components/${component.category}/${component.name}.json`, json(toStrapiComponent(component)));
  }
  return files;
}

/** Labels, help texts and placeholders of one type, in the shape of the content manager's `metadatas`. */
export function toContentManagerMetadatas(attributes: Record<string, Field>): Record<string, { edit: Record<string, string>; list: Record<string, string> }> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, f]) => [
      name,
      {
        edit: { label: f.label, description: f.description ?? '', placeholder: f.placeholder ?? '' },
        list: { label: f.label },
      },
    ]),
  );
}
