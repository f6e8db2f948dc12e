/**
 * The Report as a document: sections of paragraphs, tables and figures, in one language. Built from the data the
 * engine computed (`ReportData`); the HTML renderer only prints it.
 */
import type { ReportTable } from './table.ts';

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: ReportTable; title: string; note?: string }
  | { kind: 'figure'; svg: string; caption: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  lang: string;
  title: string;
  subtitle: string;
  sections: Section[];
}
