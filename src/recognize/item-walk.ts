/**
 * @module Walks a Questionnaire's items in document order with a FHIRPath location for each, so
 * every validation issue can point at the element it is about.
 */

/** One Questionnaire item and where it sits. */
export interface ItemEntry {
  item: fhir4.QuestionnaireItem;
  /** FHIRPath location, e.g. `Questionnaire.item[1].item[0]`. */
  path: string;
  parent?: ItemEntry;
}

/** Lists every item of a Questionnaire, depth first, parents before children. */
export function listItems(questionnaire: Pick<fhir4.Questionnaire, 'item'>): ItemEntry[] {
  const entries: ItemEntry[] = [];
  const visit = (items: fhir4.QuestionnaireItem[] | undefined, basePath: string, parent?: ItemEntry): void => {
    (items ?? []).forEach((item, index) => {
      const entry: ItemEntry = { item, path: `${basePath}.item[${index}]`, ...(parent ? { parent } : {}) };
      entries.push(entry);
      visit(item.item, entry.path, entry);
    });
  };
  visit(questionnaire.item, 'Questionnaire');
  return entries;
}

/** Indexes items by linkId; the first item wins where linkIds repeat (validation reports those). */
export function indexItems(questionnaire: Pick<fhir4.Questionnaire, 'item'>): Map<string, ItemEntry> {
  const index = new Map<string, ItemEntry>();
  for (const entry of listItems(questionnaire)) {
    if (typeof entry.item.linkId === 'string' && !index.has(entry.item.linkId)) index.set(entry.item.linkId, entry);
  }
  return index;
}

/** Whether an item asks for an answer (not a group or display). */
export function isQuestion(item: fhir4.QuestionnaireItem): boolean {
  return item.type !== 'group' && item.type !== 'display';
}
