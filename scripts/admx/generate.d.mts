export interface SchemaProperty {
  readonly type: string;
  readonly title?: string;
  readonly description?: string;
  readonly items?: { readonly type: string };
}
export interface ManagedSchema {
  readonly properties: Readonly<Record<string, SchemaProperty>>;
}
export type Browser = 'chrome' | 'edge';
export type ElementKind = 'boolean' | 'decimal' | 'text' | 'list';

export const BROWSERS: Readonly<
  Record<Browser, { name: string; root: string; placeholder: string; file: string; namespace: string }>
>;
export const LANGUAGES: readonly string[];
export function elementKind(prop: SchemaProperty): ElementKind;
export function checkId(browser: Browser, id: string): string;
export function policyKey(browser: Browser, id: string): string;
export function generateAdmx(schema: ManagedSchema, browser: Browser, id: string): string;
export function generateAdml(schema: ManagedSchema, browser: Browser, lang: string, id: string): string;
export function generateAll(
  schema: ManagedSchema,
  ids?: Partial<Record<Browser, string>>,
): Map<string, string>;
