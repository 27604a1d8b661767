/**
 * The shape of a message catalogue, and the types that tie rules to it: the placeholders of an entry's texts become
 * the parameters a rule must give (`ParamsOf`), its variants the only variants it may name (`VariantOf`), and the
 * French catalogue is checked to be an overlay of the English one (same keys, variants, fixes and placeholders).
 */

export interface MessageText {
  /** What is wrong; `{name}` is replaced by the finding's parameter of that name. */
  message: string;
  /** How to mend it. */
  fix?: string;
}

export interface CatalogueEntry extends MessageText {
  /** Refinements for one flavour of the problem; a variant's missing `message` or `fix` falls back to the entry's. */
  variants?: Record<string, Partial<MessageText>>;
}

export type Catalogue = Record<string, CatalogueEntry>;

// ---- Placeholders, read from the literal types of the texts (the same grammar as the renderer: `{` word `}`) ----

type WordChar =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'
  | 'V'
  | 'W'
  | 'X'
  | 'Y'
  | 'Z'
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '_';

type IsWord<S extends string> = S extends `${WordChar}${infer Rest}` ? (Rest extends '' ? true : IsWord<Rest>) : false;

/** The names `{name}` in a text, as a union (never when there are none); `{"a": 1}` is literal text, as for the renderer. */
export type Placeholders<S, Found extends string = never> = S extends `${string}{${infer After}`
  ? After extends `${infer Name}}${infer Rest}`
    ? IsWord<Name> extends true
      ? Placeholders<Rest, Found | Name>
      : Placeholders<After, Found>
    : Found
  : Found;

// ---- From an entry to what a rule emits ----

type TextOf<T, K extends 'message' | 'fix'> = T extends { [P in K]: infer S } ? S : never;

/** The variant names of a catalogue entry. */
export type VariantOf<E> = E extends { variants: infer V } ? keyof V & string : never;

type VariantTexts<E, V extends string> = E extends { variants: { [P in V]: infer T } } ? T : never;

/** Placeholders the renderer fills for `variant` (or for the entry itself): a variant's missing text falls back to the entry's. */
export type PlaceholdersOf<E, V extends string | undefined> = [V] extends [string]
  ?
      | Placeholders<VariantTexts<E, V> extends { message: string } ? TextOf<VariantTexts<E, V>, 'message'> : TextOf<E, 'message'>>
      | Placeholders<VariantTexts<E, V> extends { fix: string } ? TextOf<VariantTexts<E, V>, 'fix'> : TextOf<E, 'fix'>>
  : Placeholders<TextOf<E, 'message'>> | Placeholders<TextOf<E, 'fix'>>;

/** The parameters a finding of `variant` must give: exactly the placeholders, each a string. */
export type ParamsOf<E, V extends string | undefined> = { [K in PlaceholdersOf<E, V>]: string };

// ---- The French overlay ----

type SameKeys<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false;

type TextMismatch<En, Fr, Where extends string> =
  | (SameKeys<Placeholders<TextOf<En, 'message'>>, Placeholders<TextOf<Fr, 'message'>>> extends true ? never : `${Where}.message`)
  | (SameKeys<Placeholders<TextOf<En, 'fix'>>, Placeholders<TextOf<Fr, 'fix'>>> extends true ? never : `${Where}.fix`)
  | (SameKeys<keyof En & ('message' | 'fix'), keyof Fr & ('message' | 'fix')> extends true ? never : `${Where} (message or fix missing)`);

/**
 * The keys (`id`, `id#variant`, then `.message` / `.fix`) where a French catalogue does not overlay the English one
 * exactly: a missing or extra entry, variant, message or fix, or other placeholders. `never` when it does.
 */
export type OverlayMismatches<En extends Catalogue, Fr> =
  | (SameKeys<keyof En, keyof Fr> extends true
      ? never
      : `entries differ: ${Exclude<keyof En, keyof Fr> & string}${Exclude<keyof Fr, keyof En> & string}`)
  | {
      [Id in keyof En & keyof Fr & string]:
        | TextMismatch<En[Id], Fr[Id], Id>
        | (SameKeys<VariantOf<En[Id]>, VariantOf<Fr[Id]>> extends true ? never : `${Id} (variants differ)`)
        | {
            [V in VariantOf<En[Id]> & VariantOf<Fr[Id]>]: TextMismatch<VariantTexts<En[Id], V>, VariantTexts<Fr[Id], V>, `${Id}#${V}`>;
          }[VariantOf<En[Id]> & VariantOf<Fr[Id]>];
    }[keyof En & keyof Fr & string];
