import { MODEL, nodeLabelName } from './model';

/** What the explorer draws from the model: each label's colour and name (its legend), and the relationship types. */
export interface ExplorerModel {
  labels: { label: string; name: string; colour: string }[];
  relationships: { type: string; from: string; to: string; undirected: boolean }[];
}

export function explorerModel(): ExplorerModel {
  return {
    labels: MODEL.nodeTypes.map(({ label, colour }) => ({ label: nodeLabelName(label), name: label, colour })),
    relationships: MODEL.relationships.map(({ type, from, to, undirected = false }) => ({ type, from, to, undirected })),
  };
}
