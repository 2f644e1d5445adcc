import type { ModelTool, ModelToolSet } from '../llm/model-tools';

/**
 * The tools of one run, rebuilt from the stored rows at every model step, so a switch flipped or a
 * connector deselected while the run goes on reaches its next step. A step's `find` also knows the
 * tools offered at earlier steps of the run: a call to one that was switched off since is then
 * refused with the reason (see `toolUnavailable`), not as a tool that never existed.
 */
export class RunTools {
  private readonly offered = new Map<string, ModelTool>();

  constructor(private readonly load: () => Promise<ModelToolSet>) {}

  async forStep(): Promise<ModelToolSet> {
    const current = await this.load();
    for (const tool of current.tools) this.offered.set(tool.modelName, tool);
    return { ...current, find: (modelName) => current.find(modelName) ?? this.offered.get(modelName) };
  }
}
