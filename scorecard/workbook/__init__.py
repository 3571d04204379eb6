"""The plan workbook: one format to set up and exchange a framework (docs/plan-workbook.md)."""
