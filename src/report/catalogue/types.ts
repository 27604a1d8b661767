export interface MessageText {
  /** What is wrong; `{name}` is replaced by the finding's parameter of that name. */
  message: string;
  /** How to mend it. */
  fix?: string;
}

export interface CatalogueEntry extends MessageText {
  /** Refinements for one flavour of the problem; a variant's missing `fix` falls back to the entry's. */
  variants?: Record<string, Partial<MessageText>>;
}

export type Catalogue = Record<string, CatalogueEntry>;
