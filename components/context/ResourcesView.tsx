import type { Resource, ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { ListPaging } from './ListPaging';
import { ResourceRow } from './ResourceRow';
import { TemplateRow } from './TemplateRow';
import { usePagedList } from './usePagedList';
import './context.css';

/** A connector's **Resources** tab: its resources, then its resource templates, each paged. */
export function ResourcesView({ connectorId, connectorLabel }: { connectorId: string; connectorLabel: string }) {
  const resources = usePagedList<Resource>('resources.list', connectorId, (page) => (page as { resources: Resource[] }).resources, 'resources-changed');
  const templates = usePagedList<ResourceTemplate>('resources.templates', connectorId, (page) => (page as { resourceTemplates: ResourceTemplate[] }).resourceTemplates, 'resources-changed');

  return (
    <section className="context-view" aria-label={`${connectorLabel} resources`}>
      {resources.items?.length === 0 && templates.items?.length === 0 && <p className="muted small">This server offers no resources.</p>}
      {resources.items && resources.items.length > 0 && (
        <ul className="context-list" aria-label="Resources">
          {resources.items.map((resource) => (
            <ResourceRow key={resource.uri} connectorId={connectorId} resource={resource} />
          ))}
        </ul>
      )}
      <ListPaging list={resources} noun="resources" />
      {templates.items && templates.items.length > 0 && (
        <>
          <h4 className="context-heading">Templates</h4>
          <ul className="context-list" aria-label="Resource templates">
            {templates.items.map((template) => (
              <TemplateRow key={template.uriTemplate} connectorId={connectorId} template={template} />
            ))}
          </ul>
        </>
      )}
      <ListPaging list={templates} noun="templates" />
    </section>
  );
}
