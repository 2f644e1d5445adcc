import { describe, expect, it } from 'vitest';
import { mapToolNames } from '@/lib/llm/tool-names';
import { checkModelName } from '@/lib/workbench/report-card/model-name-checks';
import { goodTool } from './tool';

const connector = { id: 'c1', label: 'Calendar' };
const namesFor = (...toolNames: string[]) => mapToolNames(toolNames.map((toolName) => ({ connectorId: connector.id, connectorLabel: connector.label, toolName })));

describe('names as the model API sees them', () => {
  it('passes a name the model sees as <connector>__<name>', () => {
    expect(checkModelName(goodTool({ name: 'create_event' }), connector, namesFor('create_event'), 'Calendar__')).toEqual([]);
  });

  it('says exactly what the model sees for a name with dots', () => {
    const found = checkModelName(goodTool({ name: 'events.create' }), connector, namesFor('events.create'), 'Calendar__');
    expect(found).toMatchObject([{ severity: 'warning', check: 'name-renamed-for-model' }]);
    expect(found[0]!.message).toContain('The model sees this tool as `Calendar__events_create`');
    expect(found[0]!.message).toContain('only letters, digits');
  });

  it('says what the model sees for a name over 64 characters: cut, with a hash', () => {
    const long = `create_${'very_'.repeat(12)}long_event`;
    const names = namesFor(long);
    const found = checkModelName(goodTool({ name: long }), connector, names, 'Calendar__');
    expect(found[0]!.message).toContain(`\`${names.toModel('c1', long)}\``);
    expect(names.toModel('c1', long)!.length).toBe(64);
    expect(found[0]!.message).toContain('at most 64 characters');
  });

  it('says when a hash keeps two tools apart', () => {
    const found = checkModelName(goodTool({ name: 'list_events' }), connector, namesFor('list_events', 'list.events'), 'Calendar__');
    expect(found[0]!.message).toContain('another tool would have had the same name');
  });

  it('a name nothing of which survives is an Error that names what the model sees', () => {
    const found = checkModelName(goodTool({ name: '予定' }), connector, namesFor('予定'), 'Calendar__');
    expect(found).toMatchObject([{ severity: 'error', check: 'name-not-mappable' }]);
    expect(found[0]!.message).toContain('`Calendar__tool`');
  });
});
