/** The Migration Support Toolbox (AMMR Art 6(3)) in the Report: requests per item of the catalogue and status. */
import type { ToolboxSummary } from '../../domain/procedures/support-toolbox.ts';
import { col, type ReportTable } from '../table.ts';

export function toolboxTable(s: ToolboxSummary): ReportTable {
  return {
    id: 'toolbox-requests',
    columns: [
      col('item', 'label', 'toolboxItem.'),
      col('requests', 'integer'),
      col('submitted', 'integer'),
      col('in_review', 'integer'),
      col('granted', 'integer'),
      col('delivered', 'integer'),
      col('refused', 'integer'),
      col('withdrawn', 'integer'),
      col('from_at_risk', 'integer'),
    ],
    rows: s.items.map((i) => ({
      item: i.item,
      requests: i.requests,
      submitted: i.byStatus.submitted,
      in_review: i.byStatus['in-review'],
      granted: i.byStatus.granted,
      delivered: i.byStatus.delivered,
      refused: i.byStatus.refused,
      withdrawn: i.byStatus.withdrawn,
      from_at_risk: i.fromAtRisk,
    })),
  };
}
