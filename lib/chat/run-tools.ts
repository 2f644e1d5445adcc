import type { MessageRow } from '../db/rows';
import type { ModelTool, ModelToolSet } from '../llm/model-tools';
import { budgetToolSet } from '../llm/tool-budget';
import { loadedToolNames } from './search-tools-call';

/**
 * The tools of one run, rebuilt from the stored rows at every model step, so a switch flipped or a
 * connector deselected while the run goes on reaches its next step. A step's `find` also knows the
 * tools offered at earlier steps of the run: a call to one that was switched off since is then
 * refused with the reason (see `toolUnavailable`), not as a tool that never existed. A list over
 * the step's limit is cut to `search_tools` and the tools searches found (see `budgetToolSet`).
 */
export class RunTools {
  private readonly offered = new Map<string, ModelTool>();

  constructor(
    private readonly load: () => Promise<ModelToolSet>,
    private readonly limit: () => Promise<number> = async () => Number.POSITIVE_INFINITY,
  ) {}

  async forStep(history: readonly MessageRow[] = []): Promise<ModelToolSet> {
    const all = await this.load();
    const current = all.tools.length > (await this.limit()) ? budgetToolSet(all, await this.limit(), loadedToolNames(history)) : all;
    for (const tool of current.tools) this.offered.set(tool.modelName, tool);
    return { ...current, find: (modelName) => current.find(modelName) ?? this.offered.get(modelName) };
  }
}
